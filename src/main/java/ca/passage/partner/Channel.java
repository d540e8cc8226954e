package ca.passage.partner;

import java.net.URI;

/**
 * How a partner is reached. Only HTTP is carried today; the type names the transport for later ones.
 * {@code consumers}: how many deliveries to this partner may be in flight at once (concurrent consumers of its
 * outbound queue on each gateway node); optional in a profile, 1 when absent.
 */
public record Channel(String type, URI endpoint, int consumers) {
    public static final int DEFAULT_CONSUMERS = 1;

    public Channel(String type, URI endpoint) {
        this(type, endpoint, DEFAULT_CONSUMERS);
    }
}
