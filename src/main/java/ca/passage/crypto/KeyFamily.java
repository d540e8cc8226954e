package ca.passage.crypto;

/**
 * Key family of a crypto profile: which kind of key pair signs and which receives encrypted keys.
 * RSA signs and receives (OAEP key transport) with one RSA key; EC uses one P-256 key for ECDSA and
 * ECDH-ES; ED signs with Ed25519 and receives with a separate X25519 key.
 */
public enum KeyFamily {
    RSA, EC, ED;

    /** Suffix used in the key directory for the gateway's key set of this family ("" for RSA). */
    public String gatewaySuffix() {
        return switch (this) {
            case RSA -> "";
            case EC -> "-ec";
            case ED -> "-ed";
        };
    }
}
