package ca.passage.api;

import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;

/**
 * The Vert.x engine bound to the REST port. With a separate management port there are two HTTP servers and
 * Camel 4.17's engine cannot tell which one serves REST (CAMEL-22937), so it is told.
 */
public final class RestHttpEngine extends VertxPlatformHttpEngine {

    private final int port;

    public RestHttpEngine(int port) {
        this.port = port;
    }

    @Override
    public int getServerPort() {
        return port;
    }
}
