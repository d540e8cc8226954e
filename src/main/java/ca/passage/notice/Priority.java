package ca.passage.notice;

public enum Priority { ROUTINE, URGENT, IMMEDIATE }
