package ca.passage.crypto;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HexFormat;

/** PEM reading and writing (certificates, CRLs, PKCS#8 private keys) with JDK key objects. */
public final class Pem {
    private Pem() {
    }

    public static X509Certificate readCertificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(file + ": not a readable PEM certificate (" + e.getMessage() + ")", e);
        }
    }

    public static X509CRL readCrl(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(file + ": not a readable PEM CRL (" + e.getMessage() + ")", e);
        }
    }

    public static PrivateKey readPrivateKey(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PemReader pr = new PemReader(r)) {
            PemObject o = pr.readPemObject();
            if (o == null || !"PRIVATE KEY".equals(o.getType())) {
                throw new IllegalArgumentException(file + ": expected a PKCS#8 'PRIVATE KEY' PEM block");
            }
            return privateKey(o.getContent());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read", e);
        }
    }

    public static PrivateKey privateKey(byte[] pkcs8) {
        ASN1ObjectIdentifier oid = PrivateKeyInfo.getInstance(pkcs8).getPrivateKeyAlgorithm().getAlgorithm();
        String alg;
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            alg = "RSA";
        } else if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            alg = "EC";
        } else if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
            alg = "Ed25519";
        } else if (oid.equals(EdECObjectIdentifiers.id_X25519)) {
            alg = "X25519";
        } else {
            throw new IllegalArgumentException("unsupported private key algorithm " + oid);
        }
        try {
            return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("invalid " + alg + " private key", e);
        }
    }

    public static String encode(Object o) {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            if (o instanceof PrivateKey k) {
                w.writeObject(new JcaPKCS8Generator(k, null));
            } else {
                w.writeObject(o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    /** Writes atomically; private keys are readable by the owner only where the file system allows it. */
    public static void write(Path file, Object o) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, encode(o), StandardCharsets.US_ASCII);
            if (o instanceof PrivateKey) {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // non-POSIX file system: permissions are the directory's
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be written", e);
        }
    }

    public static String sha256Fingerprint(X509Certificate cert) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Family of a signing key (RSA, EC, Ed25519), or null for a key that cannot sign (X25519). */
    public static KeyFamily family(java.security.Key key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> KeyFamily.RSA;
            case "EC" -> KeyFamily.EC;
            case "Ed25519", "EdDSA" -> KeyFamily.ED;
            default -> null;
        };
    }

    public static boolean isXdh(PublicKey key) {
        return key.getAlgorithm().equals("XDH") || key.getAlgorithm().equals("X25519");
    }
}
