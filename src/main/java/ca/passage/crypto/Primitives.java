package ca.passage.crypto;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;

/**
 * Which JCA provider computes an asymmetric primitive, where the choice matters for speed. JDK 17's Ed25519, X25519
 * and P-256 verification are written for portability: in the crypto benchmark's profiles Ed25519 verification was
 * 40 % of opening an {@code ed} message and ECDSA verification a quarter of opening an {@code ec} one. Bouncy Castle
 * (a dependency already, for the PKI) does these several times faster. It is handed to Santuario per signature and
 * per key pair, never registered with {@link java.security.Security}: nothing else in the process (TLS, key stores)
 * changes provider. Where Bouncy Castle is not faster the JDK stays: ECDSA signing and P-256 key generation (handed a
 * JDK key, Bouncy Castle rebuilds its fixed-base tables on every call, which costs what it saves), and RSA.
 */
final class Primitives {

    /** Stateless once built; one instance serves every thread (JCA providers are thread-safe). */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private Primitives() {
    }

    /** The provider for signing or verifying with {@code key}; null means the JDK's default. */
    static Provider forSignature(Key key) {
        String algorithm = key.getAlgorithm();
        if (algorithm.equals("Ed25519") || algorithm.equals("EdDSA")) {
            return BOUNCY_CASTLE;
        }
        return algorithm.equals("EC") && !(key instanceof PrivateKey) ? BOUNCY_CASTLE : null;
    }

    /**
     * The sender's ephemeral X25519 key pair for one message's key agreement, made by Bouncy Castle; null for other
     * keys (Santuario then makes it with the JDK).
     */
    static KeyPair ephemeralFor(PublicKey recipient, SecureRandom random) throws GeneralSecurityException {
        if (!recipient.getAlgorithm().equals("XDH") && !recipient.getAlgorithm().equals("X25519")) {
            return null;
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("X25519", BOUNCY_CASTLE);
        g.initialize(255, random);
        return g.generateKeyPair();
    }
}
