package ca.passage.access;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.Handler;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's two HTTPS listeners on one Vert.x router that Camel's platform-http routes register on:
 * the officers' listener (client certificate requested, not required: a bearer token also authenticates) and
 * the partners' listener (client certificate required). Both run the {@link AccessGate} first and the
 * {@link Tls} policy. They bind to {@code bindAddress} (loopback unless the operator says otherwise).
 */
public final class HttpsListeners implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpsListeners.class);

    private final Vertx vertx = Vertx.vertx();
    private final Router root = Router.router(vertx);
    private final Router routes = Router.router(vertx);
    private final String bindAddress;
    private final int peoplePort;
    private final int partnerPort;
    private final long maxBodyBytes;
    private HttpServer people;
    private HttpServer partners;

    public HttpsListeners(String bindAddress, int peoplePort, int partnerPort, long maxBodyBytes) {
        this.bindAddress = bindAddress;
        this.peoplePort = peoplePort;
        this.partnerPort = partnerPort;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The router Camel's platform-http consumers add their routes to (bind it under this name before start). */
    public VertxPlatformHttpRouter camelRouter() {
        return new VertxPlatformHttpRouter(null, vertx, routes, VertxPlatformHttpRouter.getRouterNameFromPort(peoplePort)) {
            @Override
            public Handler<RoutingContext> bodyHandler() {
                return BodyHandler.create(false).setBodyLimit(maxBodyBytes);
            }
        };
    }

    /** The top router of both listeners (the gate, then Camel's routes), for the HTTP layer's own error answers. */
    public Router root() {
        return root;
    }

    /** The router behind the gate that Camel's routes are added to; the gateway's static pages go there too. */
    public Router routes() {
        return routes;
    }

    public String routerName() {
        return VertxPlatformHttpRouter.getRouterNameFromPort(peoplePort);
    }

    /** Starts listening; every request passes {@code gate} before the routes. */
    public void start(AccessGate gate, X509KeyManager serverKey, X509TrustManager peopleTrust,
                      X509TrustManager partnerTrust) {
        root.route().handler(gate.handler());
        // Console pages hold case data: never cached (Camel's HTTP header filter drops a route's Cache-Control).
        root.route("/console/*").handler(ctx -> {
            ctx.response().putHeader("Cache-Control", "no-store");
            ctx.next();
        });
        root.route("/*").subRouter(routes);
        people = listen(options(serverKey, peopleTrust, ClientAuth.REQUEST).setPort(peoplePort), "officers");
        partners = listen(options(serverKey, partnerTrust, ClientAuth.REQUIRED).setPort(partnerPort), "partners");
        gate.partnerPort(partners.actualPort());
    }

    private HttpServerOptions options(X509KeyManager key, X509TrustManager trust, ClientAuth clientAuth) {
        HttpServerOptions o = new HttpServerOptions().setHost(bindAddress).setSsl(true)
                .setKeyCertOptions(KeyCertOptions.wrap(key)).setTrustOptions(TrustOptions.wrap(trust))
                .setClientAuth(clientAuth).setEnabledSecureTransportProtocols(Tls.PROTOCOLS);
        Tls.CIPHER_SUITES.forEach(o::addEnabledCipherSuite);
        return o;
    }

    private HttpServer listen(HttpServerOptions options, String what) {
        try {
            HttpServer s = vertx.createHttpServer(options).requestHandler(root)
                    .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            LOG.info("{} listener on https://{}:{}", what, bindAddress, s.actualPort());
            return s;
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("cannot listen for " + what + " on " + bindAddress + ":"
                    + options.getPort() + ": " + cause.getMessage(), cause);
        }
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("listeners did not close cleanly: {}", e.getMessage());
        }
    }
}
