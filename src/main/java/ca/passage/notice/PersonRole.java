package ca.passage.notice;

public enum PersonRole { VICTIM, SUSPECT, WITNESS, REPORTING_PERSON }
