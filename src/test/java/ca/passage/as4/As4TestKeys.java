package ca.passage.as4;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import ca.passage.devtools.pki.DevPki;
import ca.passage.crypto.KeyFamily;
import ca.passage.crypto.PartnerKeySpec;
import ca.passage.crypto.Pem;

/**
 * Development keys for AS4 tests, issued by {@link DevPki} under one CA: the gateway's key sets and those of a
 * foreign access point, for the RSA (AS4 1.x) and the Ed25519/X25519 (AS4 2.0) variants.
 */
final class As4TestKeys {
    static final char[] PASSWORD = "test-only".toCharArray();

    record Side(PrivateKey signKey, X509Certificate signCert, PrivateKey encKey, X509Certificate encCert) {
    }

    private final Path dir;
    private final X509Certificate ca;

    As4TestKeys(Path dir) {
        this.dir = dir;
        new DevPki().init(dir, List.of(new PartnerKeySpec("foreign", KeyFamily.RSA),
                new PartnerKeySpec("foreign-ed", KeyFamily.ED)));
        this.ca = Pem.readCertificate(dir.resolve("ca.cert.pem"));
    }

    Side gateway(As4CryptoVariant variant) {
        return side(variant == As4CryptoVariant.AS4_1_RSA ? "gateway" : "gateway-ed", variant);
    }

    Side foreign(As4CryptoVariant variant) {
        return side(variant == As4CryptoVariant.AS4_1_RSA ? "foreign" : "foreign-ed", variant);
    }

    private Side side(String name, As4CryptoVariant variant) {
        PrivateKey key = Pem.readPrivateKey(dir.resolve(name + ".key.pem"));
        X509Certificate cert = Pem.readCertificate(dir.resolve(name + ".cert.pem"));
        if (!variant.separateEncryptionKey()) {
            return new Side(key, cert, key, cert);
        }
        return new Side(key, cert, Pem.readPrivateKey(dir.resolve(name + ".enc.key.pem")),
                Pem.readCertificate(dir.resolve(name + ".enc.cert.pem")));
    }

    X509Certificate ca() {
        return ca;
    }

    /** Keys of {@code self} for talking to {@code other}, as the library takes them. */
    As4Keys keys(Side self, Side other) {
        return new As4Keys(self.signKey(), List.of(self.signCert(), ca), self.encKey(), List.of(self.encCert(), ca),
                other.signCert(), other.encCert(), List.of(ca));
    }

    /** A PKCS#12 key store with one private key entry, as phase4's in-memory crypto factory takes it. */
    static KeyStore keyStore(String alias, PrivateKey key, X509Certificate cert, X509Certificate ca) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(alias, key, PASSWORD, new X509Certificate[] {cert, ca});
        return ks;
    }

    static KeyStore trustStore(X509Certificate... certs) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        int i = 0;
        for (X509Certificate c : certs) {
            ks.setCertificateEntry("trusted-" + i++, c);
        }
        return ks;
    }
}
