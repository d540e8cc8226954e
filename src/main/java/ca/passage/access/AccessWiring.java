package ca.passage.access;

import ca.passage.app.GatewaySettings;
import ca.passage.crypto.KeyDirectory;
import ca.passage.ledger.AuditLedger;
import ca.passage.partner.PartnerProfile;

import javax.net.ssl.X509KeyManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Access security assembled in one place: the gateway's TLS key, people's trust (the keys folder's CA and CRL),
 * bearer tokens when {@code access.yaml} configures a provider, partners' pinned transport certificates, the
 * throttle, the gate and the two HTTPS listeners.
 */
public final class AccessWiring implements AutoCloseable {

    /** Large enough for any message the crypto policy admits; the beans enforce the real limits. */
    private static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

    private final GatewaySettings settings;
    private final AccessConfig config;
    private final X509KeyManager serverKey;
    private final PartnerTransport transport;
    private final AccessGate gate;
    private final HttpsListeners listeners;

    private AccessWiring(GatewaySettings settings, Collection<PartnerProfile> partners, AuditLedger ledger, Clock clock) {
        this.settings = settings;
        this.config = AccessConfig.load(settings.cryptoConfig());
        this.serverKey = config.tlsKeystore() != null
                ? Tls.keyManager(config.tlsKeystore(), password(config.tlsKeystorePasswordEnv()))
                : Tls.keyManager(settings.keysDir().resolve(KeyDirectory.TLS + ".cert.pem"),
                settings.keysDir().resolve(KeyDirectory.TLS + ".key.pem"));
        this.transport = new PartnerTransport(settings.keysDir(), serverKey, partners, Duration.ofSeconds(5),
                settings.listeners().allowPlainHttpPartners());
        OidcTokens tokens = config.oidc() == null ? null : new OidcTokens(config.oidc(), settings.cryptoConfig());
        this.gate = new AccessGate(new PersonCertificates(settings.keysDir().resolve("ca.crl.pem"), clock), tokens,
                transport, new FailureThrottle(config.throttleFailures(), config.throttleWindow(), clock), ledger, clock);
        this.listeners = new HttpsListeners(settings.listeners().bindAddress(), settings.httpPort(),
                settings.listeners().partnerPort(), MAX_BODY_BYTES);
    }

    public static AccessWiring create(GatewaySettings settings, Collection<PartnerProfile> partners, AuditLedger ledger,
                                      Clock clock) {
        return new AccessWiring(settings, partners, ledger, clock);
    }

    public PartnerTransport transport() {
        return transport;
    }

    public HttpsListeners listeners() {
        return listeners;
    }

    /** Opens both listeners (after the routes are registered). */
    public void listen() {
        listeners.start(gate, serverKey,
                Tls.trusting(List.of(Tls.certificate(settings.keysDir().resolve("ca.cert.pem")))),
                transport.listenerTrust());
    }

    private static char[] password(String env) {
        String v = env == null ? null : System.getenv(env);
        if (v == null) {
            throw new IllegalStateException("access.yaml: field 'tls.keystorePasswordEnv': environment variable "
                    + env + " is not set");
        }
        return v.toCharArray();
    }

    @Override
    public void close() {
        listeners.close();
    }
}
