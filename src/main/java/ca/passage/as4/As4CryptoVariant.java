package ca.passage.as4;

/**
 * The two WS-Security algorithm sets of the eDelivery AS4 profile. Both sign the ebMS header, the (empty) SOAP
 * body and every attachment, then encrypt every attachment with AES-128-GCM.
 */
public enum As4CryptoVariant {
    /** eDelivery AS4 1.x: RSA-SHA256 signature, RSA-OAEP (MGF1 SHA-256) key transport, AES-128-GCM. */
    AS4_1_RSA("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", null,
            "http://www.w3.org/2009/xmlenc11#rsa-oaep", false),
    /** eDelivery AS4 2.0: Ed25519 signature, X25519 key agreement with HKDF(SHA-256), AES-128 key wrap, AES-128-GCM. */
    AS4_2_EDDSA("http://www.w3.org/2021/04/xmldsig-more#eddsa-ed25519", "http://www.w3.org/2021/04/xmldsig-more#x25519",
            "http://www.w3.org/2001/04/xmlenc#kw-aes128", true);

    public static final String DIGEST_SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public static final String MGF1_SHA256 = "http://www.w3.org/2009/xmlenc11#mgf1sha256";
    public static final String AES128_GCM = "http://www.w3.org/2009/xmlenc11#aes128-gcm";
    public static final String HKDF = "http://www.w3.org/2021/04/xmldsig-more#hkdf";
    public static final String EXCLUSIVE_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";

    private final String signatureAlgorithm;
    private final String keyAgreement;
    private final String keyEncryption;
    private final boolean separateEncryptionKey;

    As4CryptoVariant(String signatureAlgorithm, String keyAgreement, String keyEncryption, boolean separateEncryptionKey) {
        this.signatureAlgorithm = signatureAlgorithm;
        this.keyAgreement = keyAgreement;
        this.keyEncryption = keyEncryption;
        this.separateEncryptionKey = separateEncryptionKey;
    }

    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** The key agreement method (AS4 2.0), or null for key transport (AS4 1.x). */
    public String keyAgreement() {
        return keyAgreement;
    }

    public String keyEncryption() {
        return keyEncryption;
    }

    /** Whether a party has a separate key (X25519) to receive encrypted keys, apart from its signing key. */
    public boolean separateEncryptionKey() {
        return separateEncryptionKey;
    }

    /** The name used in partner profiles: {@code as4-1.x-rsa} or {@code as4-2.0-eddsa}. */
    public String profileName() {
        return this == AS4_1_RSA ? "as4-1.x-rsa" : "as4-2.0-eddsa";
    }

    public static As4CryptoVariant fromProfileName(String name) {
        for (As4CryptoVariant v : values()) {
            if (v.profileName().equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown AS4 crypto variant '" + name + "' (expected as4-1.x-rsa or as4-2.0-eddsa)");
    }
}
