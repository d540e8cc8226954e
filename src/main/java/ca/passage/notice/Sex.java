package ca.passage.notice;

public enum Sex { MALE, FEMALE, X, UNKNOWN }
