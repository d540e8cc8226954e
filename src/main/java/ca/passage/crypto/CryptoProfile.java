package ca.passage.crypto;

import java.util.ArrayList;
import java.util.List;

/**
 * An algorithm suite (AS4-like) as data. Exactly one of key transport or key agreement is set; with key
 * agreement, the key derivation (and its PRF) and key wrap are set too.
 *
 * @param name                name used in partner profiles ("ec", "ed", "rsa", "rsa-compat")
 * @param keyFamily           family of the keys that sign and receive
 * @param signatureAlgorithm  XML-DSig SignatureMethod URI
 * @param digestAlgorithm     XML-DSig DigestMethod URI for the references
 * @param canonicalization    CanonicalizationMethod and the only allowed reference Transform
 * @param contentEncryption   XML-Enc EncryptionMethod of the EncryptedData (AES-GCM)
 * @param keyTransport        RSA-OAEP URI, or null with key agreement
 * @param keyTransportDigest  DigestMethod inside OAEP (SHA-1 for rsa-oaep-mgf1p), or null
 * @param keyTransportMgf     MGF URI for xmlenc11#rsa-oaep, or null (MGF1-SHA1)
 * @param keyAgreement        ECDH-ES or X25519 URI, or null with key transport
 * @param keyDerivation       KDF URI (HKDF), with key agreement
 * @param keyDerivationPrf    HKDF PRF URI (HMAC-SHA256), with key agreement
 * @param keyWrap             AES key wrap URI, with key agreement
 */
public record CryptoProfile(
        String name,
        KeyFamily keyFamily,
        String signatureAlgorithm,
        String digestAlgorithm,
        String canonicalization,
        String contentEncryption,
        String keyTransport,
        String keyTransportDigest,
        String keyTransportMgf,
        String keyAgreement,
        String keyDerivation,
        String keyDerivationPrf,
        String keyWrap) {

    public boolean usesKeyAgreement() {
        return keyAgreement != null;
    }

    /** The URI that appears in the EncryptedKey's EncryptionMethod. */
    public String keyEncryptionMethod() {
        return usesKeyAgreement() ? keyWrap : keyTransport;
    }

    /** Every algorithm URI this profile uses in the signature and the encryption (not OAEP's inner digest). */
    public List<String> algorithms() {
        List<String> all = new ArrayList<>(List.of(signatureAlgorithm, digestAlgorithm, canonicalization, contentEncryption));
        for (String s : new String[] {keyTransport, keyAgreement, keyDerivation, keyDerivationPrf, keyWrap}) {
            if (s != null) {
                all.add(s);
            }
        }
        return all;
    }
}
