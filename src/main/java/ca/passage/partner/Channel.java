package ca.passage.partner;

import java.net.URI;

/** How a partner is reached. Only HTTP is carried today; the type names the transport for later ones. */
public record Channel(String type, URI endpoint) {
}
