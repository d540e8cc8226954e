package ca.passage.access;

import ca.passage.ledger.AuditAction;
import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditLedger;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The one authentication step: every request on both HTTPS listeners passes here before any route sees it.
 * <ul>
 *   <li>officers' listener: a bearer token (OIDC) or a client certificate names the person; {@link AccessTable}
 *   decides; otherwise 401 (no or bad credentials) or 403 (wrong role, no rule), as problem+json, audited;</li>
 *   <li>partners' listener: only {@code POST /exchange/v1/inbound} and the AS4 access point {@code POST
 *   /exchange/v1/as4}; the client certificate must be a partner's
 *   pinned transport certificate; the partner id goes to the route (the envelope's From must equal it).</li>
 * </ul>
 * Headers a client sends under the principal's names (and the former {@code X-Passage-User}/{@code -Roles}) are
 * deleted first, then the authenticated values set: {@link Principal#NAME_HEADER}, {@link Principal#ROLES_HEADER},
 * {@link Principal#PARTNER_HEADER}. A query parameter named like one of them, and a form body outside the console
 * (whose forms take care of their fields), are refused: the HTTP layer would copy them into the headers beside the
 * authenticated values. Repeated refusals from one source are throttled (429).
 */
public final class AccessGate {

    private static final Logger LOG = LoggerFactory.getLogger(AccessGate.class);
    public static final String PARTNER_PATH = "/exchange/v1/inbound";
    /** The AS4 access point (issue 15), beside the private envelope's endpoint on the same mutual-TLS listener. */
    public static final String PARTNER_AS4_PATH = "/exchange/v1/as4";
    public static final List<String> PARTNER_PATHS = List.of(PARTNER_PATH, PARTNER_AS4_PATH);
    private static final List<String> STRIPPED = List.of(Principal.NAME_HEADER, Principal.ROLES_HEADER,
            Principal.PARTNER_HEADER, "X-Passage-User", "X-Passage-Roles");

    private final PersonCertificates certificates;
    private final OidcTokens tokens;
    private final PartnerTransport partners;
    private final FailureThrottle throttle;
    private final AuditLedger ledger;
    private final Clock clock;
    private volatile int partnerPort = -1;

    public AccessGate(PersonCertificates certificates, OidcTokens tokens, PartnerTransport partners,
                      FailureThrottle throttle, AuditLedger ledger, Clock clock) {
        this.certificates = certificates;
        this.tokens = tokens;
        this.partners = partners;
        this.throttle = throttle;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The partners' listener's actual port: requests arriving there are partners'. */
    void partnerPort(int port) {
        this.partnerPort = port;
    }

    public Handler<RoutingContext> handler() {
        return ctx -> {
            HttpServerRequest req = ctx.request();
            MultiMap headers = req.headers();
            STRIPPED.forEach(headers::remove);
            String source = req.remoteAddress() == null ? "unknown" : req.remoteAddress().hostAddress();
            long wait = throttle.retryAfterSeconds(source);
            if (wait > 0) {
                ctx.response().putHeader("Retry-After", Long.toString(wait));
                answer(ctx, 429, "Too many refused requests", "try again in " + wait + " s");
                return;
            }
            // The HTTP layer copies query parameters (and form fields) into the message headers, where a name like
            // the principal's would join the authenticated value: refused before any route sees it.
            String spoof = ctx.queryParams().names().stream()
                    .filter(n -> STRIPPED.stream().anyMatch(n::equalsIgnoreCase)).findFirst().orElse(null);
            if (spoof != null) {
                answer(ctx, 400, "Bad request", "the query parameter " + spoof + " names an identity header: the caller's"
                        + " identity comes from the credentials, read by the gate into the headers only");
                return;
            }
            String type = headers.get("Content-Type") == null ? "" : headers.get("Content-Type").toLowerCase(java.util.Locale.ROOT);
            if (!ctx.normalizedPath().startsWith("/console/") && (type.startsWith("application/x-www-form-urlencoded")
                    || type.startsWith("multipart/form-data"))) {
                answer(ctx, 415, "Unsupported media type", "the API takes XML or JSON bodies, not forms");
                return;
            }
            if (req.localAddress() != null && req.localAddress().port() == partnerPort) {
                partner(ctx, source);
            } else {
                person(ctx, source);
            }
        };
    }

    private void person(RoutingContext ctx, String source) {
        HttpServerRequest req = ctx.request();
        String method = req.method().name();
        String path = ctx.normalizedPath();
        if (path.startsWith("/exchange/")) {
            answer(ctx, 404, "Not found", "partners post to the partners' listener");
            return;
        }
        Principal who;
        try {
            who = authenticate(req);
        } catch (OidcTokens.Denied e) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"passage\"");
            deny(ctx, source, 401, "Unauthenticated", e.getMessage(), null, method, path);
            return;
        }
        Optional<AccessTable.Rule> rule = AccessTable.ruleFor(method, path);
        if (rule.isEmpty()) {
            deny(ctx, source, 403, "Forbidden", "no access rule allows " + method + " on this path", who.name(),
                    method, null);
            return;
        }
        if (!who.hasAny(rule.get().roles())) {
            deny(ctx, source, 403, "Forbidden", "role " + rule.get().roles().stream().map(Enum::name).sorted().toList()
                    + " required", who.name(), method, rule.get().path());
            return;
        }
        req.headers().set(Principal.NAME_HEADER, who.name());
        req.headers().set(Principal.ROLES_HEADER, who.rolesText());
        ctx.next();
    }

    private Principal authenticate(HttpServerRequest req) {
        String authorization = req.getHeader("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new OidcTokens.Denied("only Bearer tokens are accepted in Authorization");
            }
            if (tokens == null) {
                throw new OidcTokens.Denied("bearer tokens are not configured (oidc in access.yaml)");
            }
            return tokens.principal(authorization.substring(7).trim());
        }
        X509Certificate cert = peer(req.sslSession());
        if (cert == null) {
            throw new OidcTokens.Denied("credentials required: a client certificate or a bearer token");
        }
        return certificates.principal(cert);
    }

    private void partner(RoutingContext ctx, String source) {
        HttpServerRequest req = ctx.request();
        if (!PARTNER_PATHS.contains(ctx.normalizedPath()) || !"POST".equals(req.method().name())) {
            answer(ctx, 404, "Not found", "the partners' listener serves POST " + String.join(" and ", PARTNER_PATHS)
                    + " only");
            return;
        }
        X509Certificate cert = peer(req.sslSession());
        Optional<String> partner = cert == null ? Optional.empty() : partners.partnerFor(cert);
        if (partner.isEmpty()) {
            deny(ctx, source, 403, "Forbidden", "the client certificate is no partner's pinned transport certificate",
                    null, "POST", ctx.normalizedPath());
            return;
        }
        req.headers().set(Principal.PARTNER_HEADER, partner.get());
        ctx.next();
    }

    private static X509Certificate peer(SSLSession session) {
        if (session == null) {
            return null;
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x ? x : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    private void deny(RoutingContext ctx, String source, int status, String title, String reason, String actor,
                      String method, String route) {
        boolean crossed = throttle.failed(source);
        answer(ctx, status, title, reason);
        String what = method + " " + (route == null ? "(no rule)" : route) + ": " + reason;
        String who = actor == null ? "anonymous" : "user:" + actor;
        // The ledger's error field holds 64 characters: the route, then as much of the reason as fits.
        String recorded = what.length() <= 64 ? what : what.substring(0, 64);
        ctx.vertx().executeBlocking(() -> {
            ledger.append(AuditEvent.of(clock.instant(), who, AuditAction.ACCESS_DENIED).withOutcome("HTTP_" + status, recorded));
            if (crossed) {
                ledger.append(AuditEvent.of(clock.instant(), "system", AuditAction.ACCESS_THROTTLED)
                        .withOutcome("HTTP_429", "repeated refusals from one source"));
            }
            return null;
        }, false).onFailure(e -> LOG.error("access refusal not audited: {}", e.getMessage()));
        LOG.warn("access denied ({}): {} {}", status, who, what);
    }

    private static final com.fasterxml.jackson.databind.json.JsonMapper JSON =
            new com.fasterxml.jackson.databind.json.JsonMapper();

    private static void answer(RoutingContext ctx, int status, String title, String detail) {
        String json;
        try {
            json = JSON.writeValueAsString(ca.passage.api.Problem.of(status, title, detail, List.of()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json").end(json);
    }
}
