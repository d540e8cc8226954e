package ca.passage.partner;

/** Whether a partner may pass what it received to a third party. */
public enum OnwardTransfer { PROHIBITED, WITH_CONSENT, ALLOWED }
