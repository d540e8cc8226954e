package ca.passage.as4;

/** A MIME part as it travels: its Content-ID (no brackets), Content-Type and bytes (compressed, maybe encrypted). */
record WireAttachment(String contentId, String contentType, byte[] bytes) {
}
