package ca.passage.partner;

import java.net.URI;

/**
 * How a partner is reached: {@code http} (our signed and encrypted envelope posted over HTTP) or {@code as4}
 * (eDelivery AS4, with its P-Mode-like {@link As4Settings}; null for http).
 * {@code consumers}: how many deliveries to this partner may be in flight at once (concurrent consumers of its
 * outbound queue on each gateway node); optional in a profile, 1 when absent.
 */
public record Channel(String type, URI endpoint, int consumers, As4Settings as4) {
    public static final int DEFAULT_CONSUMERS = 1;
    public static final String HTTP = "http";
    public static final String AS4 = "as4";

    public Channel(String type, URI endpoint) {
        this(type, endpoint, DEFAULT_CONSUMERS, null);
    }

    public Channel(String type, URI endpoint, int consumers) {
        this(type, endpoint, consumers, null);
    }

    public boolean isAs4() {
        return AS4.equals(type);
    }
}
