package ca.passage.access;

import ca.passage.crypto.Pem;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The one TLS policy of every listener and every outgoing connection: TLS 1.3, or TLS 1.2 with forward-secret AEAD
 * suites only (no CBC, no RSA key transport, no TLS 1.0/1.1). Key and trust managers from the keys folder's PEM
 * files (or a PKCS#12 keystore), and a pinning trust manager for partners.
 */
public final class Tls {

    public static final Set<String> PROTOCOLS = Set.of("TLSv1.3", "TLSv1.2");

    /** TLS 1.3 suites, then TLS 1.2 ECDHE suites with AES-GCM or ChaCha20-Poly1305: AEAD and forward secrecy. */
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private Tls() {
    }

    /** A key manager for one PEM key set ({@code <name>.cert.pem} + {@code <name>.key.pem}). */
    public static X509KeyManager keyManager(Path certPem, Path keyPem) {
        require(certPem);
        require(keyPem);
        try {
            PrivateKey key = Pem.readPrivateKey(keyPem);
            X509Certificate cert = Pem.readCertificate(certPem);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("tls", key, IN_MEMORY, new X509Certificate[]{cert});
            return keyManager(ks, IN_MEMORY);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(certPem + ": cannot be used as a TLS key: " + e.getMessage(), e);
        }
    }

    /** A key manager for a PKCS#12 keystore (an agency's own server certificate). */
    public static X509KeyManager keyManager(Path pkcs12, char[] password) {
        require(pkcs12);
        try (var in = Files.newInputStream(pkcs12)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return keyManager(ks, password);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(pkcs12 + ": cannot be read as a PKCS#12 TLS keystore: " + e.getMessage(), e);
        }
    }

    private static X509KeyManager keyManager(KeyStore ks, char[] password) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        return (X509KeyManager) kmf.getKeyManagers()[0];
    }

    /** Trusts certificates that chain (PKIX) to one of {@code anchors}. */
    public static X509TrustManager trusting(Collection<X509Certificate> anchors) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (X509Certificate c : anchors) {
                ks.setCertificateEntry("anchor-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(ks);
            return (X509TrustManager) tmf.getTrustManagers()[0];
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build a TLS trust manager: " + e.getMessage(), e);
        }
    }

    /**
     * Trusts exactly one peer certificate, which must also chain to {@code anchors}: the partner's pinned transport
     * certificate (the gateway as client), or the gateway's (a partner as client).
     */
    public static X509TrustManager pinned(Collection<X509Certificate> anchors, X509Certificate pin) {
        X509TrustManager chain = trusting(anchors);
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] certs, String authType) throws CertificateException {
                chain.checkClientTrusted(certs, authType);
                requirePinned(certs);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] certs, String authType) throws CertificateException {
                chain.checkServerTrusted(certs, authType);
                requirePinned(certs);
            }

            private void requirePinned(X509Certificate[] certs) throws CertificateException {
                if (certs == null || certs.length == 0 || !certs[0].equals(pin)) {
                    throw new CertificateException("peer certificate is not the pinned one ("
                            + pin.getSubjectX500Principal().getName() + ")");
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return chain.getAcceptedIssuers();
            }
        };
    }

    /** An SSL context with this policy's protocols; use {@link #parameters} on its engines and sockets. */
    public static SSLContext context(X509KeyManager key, X509TrustManager trust) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(key == null ? null : new javax.net.ssl.KeyManager[]{key},
                    new javax.net.ssl.TrustManager[]{trust}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a TLS context: " + e.getMessage(), e);
        }
    }

    /** This policy as SSL parameters; {@code needClientAuth} for a mutual-TLS server. */
    public static SSLParameters parameters(SSLContext ctx, boolean needClientAuth) {
        SSLParameters p = ctx.getDefaultSSLParameters();
        p.setProtocols(PROTOCOLS.stream().sorted(java.util.Comparator.reverseOrder()).toArray(String[]::new));
        List<String> supported = List.of(ctx.getSupportedSSLParameters().getCipherSuites());
        p.setCipherSuites(CIPHER_SUITES.stream().filter(supported::contains).toArray(String[]::new));
        p.setNeedClientAuth(needClientAuth);
        return p;
    }

    public static X509Certificate certificate(Path pem) {
        require(pem);
        return Pem.readCertificate(pem);
    }

    private static void require(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("TLS: no file " + file + " (run `./passage keys init` for development keys)");
        }
    }
}
