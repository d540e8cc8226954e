package ca.passage.crypto;

/** Algorithm URIs used by the profiles and the policy. */
public final class Algorithms {
    private Algorithms() {
    }

    public static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    public static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public static final String SHA384 = "http://www.w3.org/2001/04/xmldsig-more#sha384";
    public static final String SHA512 = "http://www.w3.org/2001/04/xmlenc#sha512";
    public static final String MD5 = "http://www.w3.org/2001/04/xmldsig-more#md5";
    public static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String ECDSA_SHA1 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1";
    public static final String ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    public static final String ED25519 = "http://www.w3.org/2021/04/xmldsig-more#eddsa-ed25519";
    public static final String AES128_GCM = "http://www.w3.org/2009/xmlenc11#aes128-gcm";
    public static final String AES256_GCM = "http://www.w3.org/2009/xmlenc11#aes256-gcm";
    public static final String AES128_CBC = "http://www.w3.org/2001/04/xmlenc#aes128-cbc";
    public static final String AES256_CBC = "http://www.w3.org/2001/04/xmlenc#aes256-cbc";
    public static final String RSA_1_5 = "http://www.w3.org/2001/04/xmlenc#rsa-1_5";
    public static final String RSA_OAEP_MGF1P = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
    public static final String RSA_OAEP = "http://www.w3.org/2009/xmlenc11#rsa-oaep";
    public static final String MGF1_SHA256 = "http://www.w3.org/2009/xmlenc11#mgf1sha256";
    public static final String ECDH_ES = "http://www.w3.org/2009/xmlenc11#ECDH-ES";
    public static final String X25519 = "http://www.w3.org/2021/04/xmldsig-more#x25519";
    public static final String HKDF = "http://www.w3.org/2021/04/xmldsig-more#hkdf";
    public static final String HMAC_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256";
    public static final String KW_AES128 = "http://www.w3.org/2001/04/xmlenc#kw-aes128";
    public static final String KW_AES256 = "http://www.w3.org/2001/04/xmlenc#kw-aes256";

    public static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    public static final String XENC_NS = "http://www.w3.org/2001/04/xmlenc#";
    public static final String XENC11_NS = "http://www.w3.org/2009/xmlenc11#";
    public static final String XENC_CONTENT = "http://www.w3.org/2001/04/xmlenc#Content";

    /** AES key length in bits for a GCM or key wrap URI. */
    static int aesBits(String uri) {
        if (uri.contains("128")) {
            return 128;
        }
        if (uri.contains("192")) {
            return 192;
        }
        if (uri.contains("256")) {
            return 256;
        }
        throw new IllegalArgumentException("not an AES algorithm: " + uri);
    }
}
