package ca.passage.crypto;

import org.apache.xml.security.algorithms.implementations.ECDSAUtils;
import org.apache.xml.security.encryption.params.KeyAgreementParameters;
import org.apache.xml.security.utils.KeyUtils;
import org.bouncycastle.jcajce.provider.asymmetric.ec.BCECPrivateKey;
import org.bouncycastle.jcajce.provider.asymmetric.ec.BCECPublicKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import javax.crypto.KeyAgreement;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which JCA provider computes an asymmetric primitive, where the choice matters for speed. JDK 17's Ed25519, X25519
 * and P-256 arithmetic is written for portability: in the crypto benchmark's profiles Ed25519 verification was 40 %
 * of opening an {@code ed} message, and the JDK's P-256 (ECDH with its public-key validation, ECDSA, key generation)
 * about 70 % of sealing an {@code ec} one. Bouncy Castle (a dependency already, for the PKI) does these three to six
 * times faster (ECDH 1.4 → 0.3 ms, ECDSA signing 0.78 → 0.12 ms, P-256 key generation 0.65 → 0.16 ms of CPU, measured
 * one thread each). It is handed to Santuario per signature, and the key agreement of XML Encryption 1.1 is computed
 * here rather than by Santuario, which asks {@code KeyAgreement.getInstance} without a provider. Bouncy Castle is
 * never registered with {@link java.security.Security}: nothing else in the process (TLS, key stores) changes
 * provider. RSA stays with the JDK.
 */
final class Primitives {

    /** Stateless once built; one instance serves every thread (JCA providers are thread-safe). */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private Primitives() {
    }

    /**
     * The provider for signing or verifying with {@code key}; null means the JDK's default. An EC private key goes to
     * Bouncy Castle only in Bouncy Castle's own form ({@link BouncyCastleKeys}): handed a JDK key, it rebuilds its
     * fixed-base tables for the curve on every signature, which costs most of what it saves.
     */
    static Provider forSignature(Key key) {
        String algorithm = key.getAlgorithm();
        if (algorithm.equals("Ed25519") || algorithm.equals("EdDSA")) {
            return BOUNCY_CASTLE;
        }
        return algorithm.equals("EC") && (!(key instanceof PrivateKey) || key instanceof BCECPrivateKey) ? BOUNCY_CASTLE : null;
    }

    /**
     * EC keys in Bouncy Castle's own form, each read once from its encoding and kept for the life of the sealer or
     * opener that owns this (one per instance; no static state). Bouncy Castle caches per key object what it derives
     * from the key (the curve's fixed-base comb tables for signing, the point's multiples for verification): handed a
     * JDK key, or a key read again per call, it rebuilds them on every operation (ECDSA signing 0.08 → 0.28 ms,
     * verification 0.09 → 0.21 ms of CPU). Only our own keys and partners' pinned keys come here, so the map stays as
     * small as the key directory.
     */
    static final class BouncyCastleKeys {
        private final Map<Key, Key> converted = new ConcurrentHashMap<>();

        /** {@code key} in Bouncy Castle's form when it is an EC key that can be exported; any other key unchanged. */
        @SuppressWarnings("unchecked")
        <K extends Key> K of(K key) {
            return (K) converted.computeIfAbsent(key, BouncyCastleKeys::convert);
        }

        private static Key convert(Key key) {
            byte[] encoded = key.getAlgorithm().equals("EC") ? key.getEncoded() : null;
            if (encoded == null || key instanceof BCECPrivateKey || key instanceof BCECPublicKey) {
                return key;
            }
            try {
                KeyFactory ec = KeyFactory.getInstance("EC", BOUNCY_CASTLE);
                return key instanceof PrivateKey ? ec.generatePrivate(new PKCS8EncodedKeySpec(encoded))
                        : ec.generatePublic(new X509EncodedKeySpec(encoded));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Bouncy Castle cannot read an EC key the JDK exported", e);
            }
        }
    }

    /**
     * The sender's ephemeral key pair for one message's key agreement with {@code recipient}, on the recipient's
     * curve (EC) or X25519, made by Bouncy Castle.
     */
    static KeyPair ephemeralFor(PublicKey recipient, SecureRandom random) throws GeneralSecurityException {
        if (recipient instanceof ECPublicKey ec) {
            String curve = ECDSAUtils.getOIDFromPublicKey(ec);
            if (curve == null) {
                throw new GeneralSecurityException("the recipient's EC key is not on a named curve");
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BOUNCY_CASTLE);
            g.initialize(new ECGenParameterSpec(curve), random);
            return g.generateKeyPair();
        }
        if (recipient.getAlgorithm().equals("XDH") || recipient.getAlgorithm().equals("X25519")) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("X25519", BOUNCY_CASTLE);
            g.initialize(255, random);
            return g.generateKeyPair();
        }
        throw new GeneralSecurityException("no key agreement for a " + recipient.getAlgorithm() + " key");
    }

    /**
     * The key-encryption key of XML Encryption 1.1 key agreement (ECDH-ES or X25519, then the named key derivation)
     * for either party: what Santuario's {@code KeyUtils.aesWrapKeyWithDHGeneratedKey} computes, with Bouncy Castle
     * doing the Diffie-Hellman step. Bouncy Castle refuses a peer point that is not on the curve, is on another
     * curve, or gives an all-zero X25519 secret, as the JDK does.
     */
    static SecretKey keyEncryptionKey(KeyAgreementParameters params) throws GeneralSecurityException {
        PublicKey peer = params.getAgreementPublicKey();
        KeyAgreement agreement = KeyAgreement.getInstance(peer.getAlgorithm().equals("EC") ? "ECDH" : "XDH", BOUNCY_CASTLE);
        agreement.init(params.getAgreementPrivateKey());
        agreement.doPhase(peer, true);
        try {
            return new SecretKeySpec(KeyUtils.deriveKeyEncryptionKey(agreement.generateSecret(),
                    params.getKeyDerivationParameter()), "AES");
        } catch (org.apache.xml.security.exceptions.XMLSecurityException e) {
            throw new GeneralSecurityException("key derivation failed", e);
        }
    }
}
