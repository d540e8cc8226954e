package ca.passage.devtools.pki;

import ca.passage.ledger.CheckpointSigner;
import ca.passage.crypto.Keyring;

import ca.passage.crypto.KeyDirectory;
import ca.passage.crypto.KeyFamily;
import ca.passage.crypto.PartnerKeySpec;
import ca.passage.crypto.Pem;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Development PKI (Bouncy Castle): a CA, its CRL and the key sets of the layout {@link KeyDirectory} reads,
 * issued, revoked and rotated for demos and tests. An agency's own PKI replaces this in production. Private keys
 * are PKCS#8 PEM, unencrypted, owner-readable only: development keys, never committed.
 */
public final class DevPki {
    static final Duration CA_VALIDITY = Duration.ofDays(5 * 365);
    static final Duration LEAF_VALIDITY = Duration.ofDays(365);
    static final Duration CRL_VALIDITY = Duration.ofDays(30);
    private static final Duration BACKDATE = Duration.ofMinutes(5);

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public DevPki(Clock clock) {
        this.clock = clock;
    }

    public DevPki() {
        this(Clock.systemUTC());
    }

    /**
     * Creates what is missing: the CA and its CRL, the gateway key sets of every family, one key set per
     * partner. Existing files are never overwritten.
     */
    public void init(Path dir, List<PartnerKeySpec> partners) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot be created", e);
        }
        if (!Files.exists(dir.resolve("ca.cert.pem"))) {
            createCa(dir);
        }
        for (KeyFamily f : KeyFamily.values()) {
            String base = KeyDirectory.GATEWAY + f.gatewaySuffix();
            if (!Files.exists(dir.resolve(base + ".cert.pem"))) {
                issueKeySet(dir, base, f, now().minus(BACKDATE), now().plus(LEAF_VALIDITY));
            }
        }
        if (!Files.exists(dir.resolve(CheckpointSigner.LEDGER_KEY + ".cert.pem"))) {
            // the audit ledger's own checkpoint-signing key, never used for messages
            issueKeySet(dir, CheckpointSigner.LEDGER_KEY, KeyFamily.EC, now().minus(BACKDATE), now().plus(LEAF_VALIDITY));
        }
        for (PartnerKeySpec p : partners) {
            if (!Files.exists(dir.resolve(p.partnerId() + ".cert.pem"))) {
                issueKeySet(dir, p.partnerId(), p.family(), now().minus(BACKDATE), now().plus(LEAF_VALIDITY));
            }
        }
        if (!Files.exists(dir.resolve(KeyDirectory.TLS + ".cert.pem"))) {
            issueTls(dir, KeyDirectory.TLS, "passage gateway");
        }
        for (PartnerKeySpec p : partners) {
            if (!Files.exists(dir.resolve(p.partnerId() + KeyDirectory.TLS_SUFFIX + ".cert.pem"))) {
                issueTls(dir, p.partnerId() + KeyDirectory.TLS_SUFFIX, p.partnerId());
            }
        }
        for (Map.Entry<String, List<String>> u : DEV_USERS.entrySet()) {
            if (!Files.exists(dir.resolve(KeyDirectory.USERS).resolve(u.getKey() + ".cert.pem"))) {
                issueUser(dir, u.getKey(), u.getValue());
            }
        }
    }

    /** Development people and their roles (carried as OU attributes of their certificate subject). */
    public static final Map<String, List<String>> DEV_USERS = devUsers();

    private static Map<String, List<String>> devUsers() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("officer1", List.of("OFFICER"));
        m.put("supervisor1", List.of("OFFICER", "SUPERVISOR"));
        m.put("supervisor2", List.of("OFFICER", "SUPERVISOR"));
        m.put("operator1", List.of("OPERATOR"));
        m.put("auditor1", List.of("AUDITOR"));
        m.put("admin1", List.of("ADMIN"));
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * A TLS key set (EC P-256): server and client authentication, subject alternative names {@code localhost} and
     * {@code 127.0.0.1}. The gateway's serves its listeners and presents it to partners; a partner's is its
     * transport identity (the gateway pins it).
     */
    public void issueTls(Path dir, String name, String cn) {
        Ca ca = loadCa(dir);
        KeyPair kp = generate("EC", 0);
        writePair(dir, name, kp, issue(ca, new X500Name("CN=" + cn + ",OU=Passage dev TLS,O=Passage"), kp.getPublic(),
                now().minus(BACKDATE), now().plus(LEAF_VALIDITY), KeyUsage.digitalSignature | KeyUsage.keyAgreement,
                new KeyPurposeId[]{KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth},
                new GeneralNames(new GeneralName[]{new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")})));
    }

    /** A person's client certificate, {@code users/<name>.cert.pem} + {@code .key.pem}; roles as OU attributes. */
    public void issueUser(Path dir, String name, List<String> roles) {
        Ca ca = loadCa(dir);
        try {
            Files.createDirectories(dir.resolve(KeyDirectory.USERS));
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot create users/", e);
        }
        KeyPair kp = generate("EC", 0);
        StringBuilder subject = new StringBuilder("CN=" + name);
        roles.forEach(r -> subject.append(",OU=").append(r));
        subject.append(",O=Passage dev users");
        X509Certificate cert = issue(ca, new X500Name(subject.toString()), kp.getPublic(),
                now().minus(BACKDATE), now().plus(LEAF_VALIDITY), KeyUsage.digitalSignature,
                new KeyPurposeId[]{KeyPurposeId.id_kp_clientAuth}, null);
        writePair(dir.resolve(KeyDirectory.USERS), name, kp, cert);
        writeBrowserBundle(dir.resolve(KeyDirectory.USERS), name, kp, cert, ca.cert());
    }

    /**
     * The same person's key and certificate as {@code users/<name>.p12} for a browser to import (the web console
     * signs people in with their client certificate), under a generated password in {@code <name>.p12.password}.
     */
    private static void writeBrowserBundle(Path dir, String name, KeyPair kp, X509Certificate cert, X509Certificate caCert) {
        byte[] random = new byte[12];
        new java.security.SecureRandom().nextBytes(random);
        char[] password = java.util.HexFormat.of().formatHex(random).toCharArray();
        try {
            java.security.KeyStore p12 = java.security.KeyStore.getInstance("PKCS12");
            p12.load(null, null);
            p12.setKeyEntry(name, kp.getPrivate(), password, new java.security.cert.Certificate[]{cert, caCert});
            try (var out = Files.newOutputStream(dir.resolve(name + ".p12"))) {
                p12.store(out, password);
            }
            Path secret = dir.resolve(name + ".p12.password");
            Files.writeString(secret, new String(password) + "\n");
            if (secret.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot write " + name + ".p12", e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot write " + name + ".p12: " + e.getMessage(), e);
        }
    }

    /** Adds a person's certificate ({@code users/<name>.cert.pem}) to the CA's CRL. */
    public void revokeUser(Path dir, String name) {
        revoke(dir, KeyDirectory.USERS + "/" + name);
    }

    /**
     * Issues (or re-issues) the key set {@code name} of {@code family} with the given validity, signed by the
     * directory's CA. Used by {@link #init} and by tests that need expired or not-yet-valid certificates.
     */
    public void issueKeySet(Path dir, String name, KeyFamily family, Instant notBefore, Instant notAfter) {
        Ca ca = loadCa(dir);
        switch (family) {
            case RSA -> {
                KeyPair kp = generate("RSA", 3072);
                writePair(dir, name, kp, issue(ca, name, kp.getPublic(), notBefore, notAfter,
                        KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyEncipherment));
            }
            case EC -> {
                KeyPair kp = generate("EC", 0);
                writePair(dir, name, kp, issue(ca, name, kp.getPublic(), notBefore, notAfter,
                        KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyAgreement));
            }
            case ED -> {
                KeyPair sign = generate("Ed25519", 0);
                writePair(dir, name, sign, issue(ca, name, sign.getPublic(), notBefore, notAfter,
                        KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                KeyPair enc = generate("X25519", 0);
                writePair(dir, name + ".enc", enc, issue(ca, name + " encryption", enc.getPublic(), notBefore, notAfter,
                        KeyUsage.keyAgreement));
            }
        }
    }

    /** Adds the certificate of key set {@code name} to the CA's CRL (reason key compromise). */
    public void revoke(Path dir, String name) {
        X509Certificate cert = Pem.readCertificate(dir.resolve(name + ".cert.pem"));
        Ca ca = loadCa(dir);
        X509CRL old = Pem.readCrl(dir.resolve("ca.crl.pem"));
        List<BigInteger> serials = new ArrayList<>();
        if (old.getRevokedCertificates() != null) {
            for (X509CRLEntry e : old.getRevokedCertificates()) {
                serials.add(e.getSerialNumber());
            }
        }
        serials.add(cert.getSerialNumber());
        writeCrl(dir, ca, serials, old.getExtensionValue(Extension.cRLNumber.getId()) == null ? BigInteger.ONE
                : crlNumber(old).add(BigInteger.ONE));
    }

    /**
     * Adds a new gateway key generation: the current gateway key sets and the ledger key move to
     * {@code previous/<n>/} (still loaded by {@link Keyring} for decryption, and by the ledger verifier for the
     * checkpoints the old ledger key signed) and new ones are issued. Partners must be given the new
     * certificates. Returns the generation number given to the retired keys.
     */
    public int rotate(Path dir) {
        Path prev = dir.resolve("previous");
        int n = 1;
        try {
            Files.createDirectories(prev);
            try (Stream<Path> s = Files.list(prev)) {
                n = s.map(p -> p.getFileName().toString()).filter(x -> x.matches("\\d+"))
                        .mapToInt(Integer::parseInt).max().orElse(0) + 1;
            }
            Path target = Files.createDirectories(prev.resolve(Integer.toString(n)));
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.filter(p -> isGatewayFile(p.getFileName().toString())).toList()) {
                    Files.move(p, target.resolve(p.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": rotation failed", e);
        }
        init(dir, List.of());
        return n;
    }

    private static boolean isGatewayFile(String f) {
        return (f.startsWith(KeyDirectory.GATEWAY) || f.startsWith(CheckpointSigner.LEDGER_KEY + "."))
                && (f.endsWith(".key.pem") || f.endsWith(".cert.pem"));
    }

    // ---------------------------------------------------------------------------------------------------

    private record Ca(PrivateKey key, X509Certificate cert) {
    }

    private Instant now() {
        return clock.instant();
    }

    private Ca loadCa(Path dir) {
        Path key = dir.resolve("ca.key.pem");
        if (!Files.exists(key)) {
            throw new IllegalStateException(dir + ": no dev CA here (ca.key.pem); run keys init first");
        }
        return new Ca(Pem.readPrivateKey(key), Pem.readCertificate(dir.resolve("ca.cert.pem")));
    }

    private void createCa(Path dir) {
        KeyPair kp = generate("EC", 0);
        X500Name name = new X500Name("CN=Passage Dev CA,OU=Development only,O=Passage");
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now().minus(BACKDATE)), Date.from(now().plus(CA_VALIDITY)), name, kp.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(signer(kp.getPrivate())));
            Pem.write(dir.resolve("ca.key.pem"), kp.getPrivate());
            Pem.write(dir.resolve("ca.cert.pem"), cert);
            writeCrl(dir, new Ca(kp.getPrivate(), cert), List.of(), BigInteger.ONE);
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("dev CA creation failed", e);
        }
    }

    private X509Certificate issue(Ca ca, String cn, PublicKey pub, Instant notBefore, Instant notAfter, int keyUsage) {
        return issue(ca, new X500Name("CN=" + cn + ",OU=Passage dev PKI,O=Passage"), pub, notBefore, notAfter, keyUsage,
                null, null);
    }

    private X509Certificate issue(Ca ca, X500Name subject, PublicKey pub, Instant notBefore, Instant notAfter,
                                  int keyUsage, KeyPurposeId[] purposes, GeneralNames altNames) {
        String cn = subject.toString();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca.cert(), serial(),
                    Date.from(notBefore), Date.from(notAfter), subject, pub);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pub));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca.cert()));
            if (purposes != null) {
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
            }
            if (altNames != null) {
                b.addExtension(Extension.subjectAlternativeName, false, altNames);
            }
            return new JcaX509CertificateConverter().getCertificate(b.build(signer(ca.key())));
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("certificate issuance failed for " + cn, e);
        }
    }

    private void writeCrl(Path dir, Ca ca, List<BigInteger> revoked, BigInteger number) {
        try {
            Date now = Date.from(now());
            X509v2CRLBuilder b = new JcaX509v2CRLBuilder(ca.cert().getSubjectX500Principal(), now);
            b.setNextUpdate(Date.from(now().plus(CRL_VALIDITY)));
            for (BigInteger s : Set.copyOf(revoked)) {
                b.addCRLEntry(s, now, CRLReason.keyCompromise);
            }
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.cert()));
            X509CRL crl = new JcaX509CRLConverter().getCRL(b.build(signer(ca.key())));
            Pem.write(dir.resolve("ca.crl.pem"), crl);
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("CRL creation failed", e);
        }
    }

    private static BigInteger crlNumber(X509CRL crl) {
        byte[] v = crl.getExtensionValue(Extension.cRLNumber.getId());
        return CRLNumber.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(v).getOctets()).getCRLNumber();
    }

    private static ContentSigner signer(PrivateKey caKey) throws org.bouncycastle.operator.OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(caKey);
    }

    private BigInteger serial() {
        return new BigInteger(63, random).add(BigInteger.ONE);
    }

    private KeyPair generate(String alg, int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
            if (alg.equals("RSA")) {
                g.initialize(bits, random);
            } else if (alg.equals("EC")) {
                g.initialize(new ECGenParameterSpec("secp256r1"), random);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key generation failed for " + alg, e);
        }
    }

    private static void writePair(Path dir, String base, KeyPair kp, X509Certificate cert) {
        Pem.write(dir.resolve(base + ".key.pem"), kp.getPrivate());
        Pem.write(dir.resolve(base + ".cert.pem"), cert);
    }
}
