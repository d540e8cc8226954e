package ca.passage.notice;

/** A colour-coded notice goes through the hub; a diffusion goes straight to chosen countries. */
public enum ActionKind { NOTICE, DIFFUSION }
