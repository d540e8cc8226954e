package ca.passage.notice;

/** INTERPOL-style notice colours; UN_SC is the UN Security Council special notice. */
public enum NoticeColour { RED, YELLOW, BLUE, BLACK, GREEN, ORANGE, PURPLE, SILVER, UN_SC }
