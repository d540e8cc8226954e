package ca.passage.as4;

import java.util.Map;

/**
 * One payload of a UserMessage, as the application sees it (uncompressed, decrypted).
 *
 * @param contentId  the MIME Content-ID without angle brackets (referenced as {@code cid:...} in PartInfo)
 * @param mimeType   the payload's own media type (PartProperty MimeType)
 * @param content    the bytes
 * @param properties further part properties (CharacterSet and the like), never MimeType or CompressionType
 */
public record As4Payload(String contentId, String mimeType, byte[] content, Map<String, String> properties) {
    public As4Payload {
        As4Party.requireText(contentId, "payload content id");
        As4Party.requireText(mimeType, "payload mime type");
        if (content == null) {
            throw new IllegalArgumentException("payload content is missing");
        }
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
