package ca.passage.partner;

import java.net.URI;

/**
 * How a partner is reached: {@code http} (our signed and encrypted envelope posted over HTTP) or {@code as4}
 * (eDelivery AS4, with its P-Mode-like {@link As4Settings}; null for http).
 */
public record Channel(String type, URI endpoint, As4Settings as4) {
    public static final String HTTP = "http";
    public static final String AS4 = "as4";

    public Channel(String type, URI endpoint) {
        this(type, endpoint, null);
    }

    public boolean isAs4() {
        return AS4.equals(type);
    }
}
