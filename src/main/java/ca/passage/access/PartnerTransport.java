package ca.passage.access;

import ca.passage.crypto.KeyDirectory;
import ca.passage.partner.PartnerProfile;

import javax.net.ssl.SSLContext;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mutual TLS with partners. Each partner's transport certificate is pinned ({@code keys/<id>.tls.cert.pem}, chained
 * to the CA): the gateway delivers to a partner only over TLS presenting its own certificate ({@code keys/tls.*})
 * and accepting only that partner's pinned certificate; a client on the partners' listener is the partner whose
 * pinned certificate it presented.
 */
public final class PartnerTransport {

    private final X509KeyManager gatewayKey;
    private final List<X509Certificate> anchors;
    private final Map<String, X509Certificate> pins = new LinkedHashMap<>();
    private final Map<String, HttpClient> clients = new LinkedHashMap<>();
    private final Map<URI, String> byEndpoint = new LinkedHashMap<>();

    public PartnerTransport(Path keysDir, X509KeyManager gatewayKey, Collection<PartnerProfile> partners,
                            Duration connectTimeout, boolean allowPlainHttpOnLoopback) {
        this.gatewayKey = gatewayKey;
        this.anchors = new ArrayList<>(List.of(Tls.certificate(keysDir.resolve("ca.cert.pem"))));
        for (PartnerProfile p : partners) {
            X509Certificate pin = Tls.certificate(keysDir.resolve(p.id() + KeyDirectory.TLS_SUFFIX + ".cert.pem"));
            pins.put(p.id(), pin);
            byEndpoint.put(p.channel().endpoint(), p.id());
            URI endpoint = p.channel().endpoint();
            if (endpoint != null && "http".equalsIgnoreCase(endpoint.getScheme())) {
                boolean loopback = "127.0.0.1".equals(endpoint.getHost()) || "localhost".equals(endpoint.getHost())
                        || "[::1]".equals(endpoint.getHost());
                if (!(loopback && allowPlainHttpOnLoopback)) {
                    throw new IllegalStateException("partner profile " + p.id() + ".yaml: field 'channel.endpoint' is "
                            + endpoint + ": partners are reached over https:// (plain http only on loopback with "
                            + "--dev-allow-http-partners)");
                }
            }
            SSLContext ctx = Tls.context(gatewayKey, Tls.pinned(anchors, pin));
            clients.put(p.id(), HttpClient.newBuilder().connectTimeout(connectTimeout)
                    .version(HttpClient.Version.HTTP_1_1).sslContext(ctx)
                    .sslParameters(Tls.parameters(ctx, false)).build());
        }
    }

    /** The HTTP client that reaches this endpoint's partner (mutual TLS, the partner's certificate pinned). */
    public HttpClient clientFor(URI endpoint) {
        String partner = byEndpoint.get(endpoint);
        if (partner == null) {
            throw new IllegalStateException("no partner profile has the endpoint " + endpoint);
        }
        return clients.get(partner);
    }

    /** The partner whose pinned transport certificate this is. */
    public Optional<String> partnerFor(X509Certificate cert) {
        return pins.entrySet().stream().filter(e -> e.getValue().equals(cert)).map(Map.Entry::getKey).findFirst();
    }

    /** Trust anchors for the partners' listener: the CA and each pinned certificate. */
    public X509TrustManager listenerTrust() {
        List<X509Certificate> all = new ArrayList<>(anchors);
        all.addAll(pins.values());
        return Tls.trusting(all);
    }

    public X509KeyManager gatewayKey() {
        return gatewayKey;
    }
}
