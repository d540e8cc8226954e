package ca.passage.as4;

/** An AS4 message as it travels over HTTP: its Content-Type header and its body. */
public record As4Packet(String contentType, byte[] body) {
    public As4Packet {
        As4Party.requireText(contentType, "content type");
        if (body == null) {
            throw new IllegalArgumentException("body is missing");
        }
    }
}
