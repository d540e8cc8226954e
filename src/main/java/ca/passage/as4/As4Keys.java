package ca.passage.as4;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;

import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSPasswordCallback;

/**
 * The key material of one AS4 relationship: our signing key, our decryption key (the same RSA key in AS4 1.x, an
 * X25519 key in 2.0), the partner's pinned signing and encryption certificates and the anchors their chains end in.
 * Presented to WSS4J as an in-memory {@link Merlin} crypto; nothing is written to disk.
 */
public final class As4Keys {
    static final String SIGN_ALIAS = "sign";
    static final String DECRYPT_ALIAS = "decrypt";

    private final PrivateKey signingKey;
    private final X509Certificate[] signingChain;
    private final PrivateKey decryptionKey;
    private final X509Certificate[] decryptionChain;
    private final X509Certificate partnerSigning;
    private final X509Certificate partnerEncryption;
    private final char[] password;
    private final Merlin crypto;

    public As4Keys(PrivateKey signingKey, List<X509Certificate> signingChain, PrivateKey decryptionKey,
                   List<X509Certificate> decryptionChain, X509Certificate partnerSigning,
                   X509Certificate partnerEncryption, List<X509Certificate> trustAnchors) {
        this.signingKey = signingKey;
        this.signingChain = signingChain.toArray(X509Certificate[]::new);
        this.decryptionKey = decryptionKey;
        this.decryptionChain = decryptionChain.toArray(X509Certificate[]::new);
        this.partnerSigning = partnerSigning;
        this.partnerEncryption = partnerEncryption;
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        this.password = HexFormat.of().formatHex(secret).toCharArray();
        this.crypto = buildCrypto(trustAnchors);
    }

    /** One RSA key for signing and decryption (AS4 1.x). */
    public static As4Keys rsa(PrivateKey key, List<X509Certificate> chain, X509Certificate partner,
                              List<X509Certificate> trustAnchors) {
        return new As4Keys(key, chain, key, chain, partner, partner, trustAnchors);
    }

    private Merlin buildCrypto(List<X509Certificate> trustAnchors) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry(SIGN_ALIAS, signingKey, password, signingChain);
            if (decryptionKey != signingKey) {
                keys.setKeyEntry(DECRYPT_ALIAS, decryptionKey, password, decryptionChain);
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            List<X509Certificate> trusted = new ArrayList<>(trustAnchors);
            trusted.add(partnerSigning);
            trusted.add(partnerEncryption);
            int i = 0;
            for (X509Certificate c : trusted) {
                trust.setCertificateEntry("trusted-" + i++, c);
            }
            Merlin merlin = new Merlin();
            merlin.setKeyStore(keys);
            merlin.setTrustStore(trust);
            return merlin;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("AS4 key material cannot be loaded: " + e.getMessage(), e);
        }
    }

    Crypto crypto() {
        return crypto;
    }

    char[] password() {
        return password.clone();
    }

    /** Answers WSS4J's requests for the private key password. */
    CallbackHandler passwordCallback() {
        return callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof WSPasswordCallback pc) {
                    pc.setPassword(new String(password));
                }
            }
        };
    }

    public X509Certificate signingCertificate() {
        return signingChain[0];
    }

    public X509Certificate decryptionCertificate() {
        return decryptionChain[0];
    }

    public X509Certificate partnerSigningCertificate() {
        return partnerSigning;
    }

    public X509Certificate partnerEncryptionCertificate() {
        return partnerEncryption;
    }
}
