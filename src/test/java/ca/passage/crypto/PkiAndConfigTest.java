package ca.passage.crypto;

import ca.passage.devtools.pki.DevPki;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PkiAndConfigTest {

    @Test
    void keysInitWritesTheDocumentedLayoutWithPkcs8KeysAndCaIssuedCertificates(@TempDir Path d) throws Exception {
        new DevPki().init(d, List.of(new PartnerKeySpec("fr-police", KeyFamily.EC), new PartnerKeySpec("ee-police", KeyFamily.ED),
                new PartnerKeySpec("uk-police", KeyFamily.RSA)));
        for (String f : List.of("ca.cert.pem", "ca.crl.pem", "gateway.key.pem", "gateway.cert.pem", "gateway-ec.key.pem",
                "gateway-ed.key.pem", "gateway-ed.enc.key.pem", "gateway-ed.enc.cert.pem", "fr-police.key.pem",
                "fr-police.cert.pem", "ee-police.enc.key.pem", "uk-police.key.pem", "uk-police.cert.pem")) {
            assertThat(d.resolve(f)).as(f).exists();
        }
        assertThat(Files.readString(d.resolve("gateway.key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        var ca = Pem.readCertificate(d.resolve("ca.cert.pem"));
        var gw = Pem.readCertificate(d.resolve("gateway.cert.pem"));
        gw.verify(ca.getPublicKey());
        assertThat(gw.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(((java.security.interfaces.RSAKey) gw.getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(Pem.readCertificate(d.resolve("ee-police.enc.cert.pem")).getPublicKey().getAlgorithm()).isEqualTo("XDH");
        Pem.readCrl(d.resolve("ca.crl.pem")).verify(ca.getPublicKey());
        // idempotent: a second init keeps the existing keys
        String before = Files.readString(d.resolve("gateway.cert.pem"));
        new DevPki().init(d, List.of());
        assertThat(Files.readString(d.resolve("gateway.cert.pem"))).isEqualTo(before);
    }

    @Test
    void rotatedGatewayStillDecryptsMessagesSealedForThePreviousKeyAndSignsWithTheNewOne(@TempDir Path d) {
        Fixture fx = new Fixture(d);
        CryptoProfile ec = fx.profile("ec");
        PartnerTrust oldGateway = fx.gatewayTrust(ec);
        byte[] inFlight = fx.sealer(fx.partner(Fixture.EC)).seal(fx.envelope(Fixture.EC, "gateway"), oldGateway, ec);

        int gen = new DevPki().rotate(d);

        assertThat(gen).isEqualTo(1);
        assertThat(d.resolve("previous/1/gateway-ec.key.pem")).exists();
        PartnerTrust newGateway = fx.gatewayTrust(ec);
        assertThat(newGateway.signingFingerprint()).isNotEqualTo(oldGateway.signingFingerprint());
        Keyring k = fx.gateway();
        assertThat(fx.opener(k).open(inFlight, fx.trustOf(Fixture.EC, ec), ec).headerField("From")).isEqualTo(Fixture.EC);
        byte[] out = fx.sealer(k).seal(fx.envelope("gateway", Fixture.EC), fx.trustOf(Fixture.EC, ec), ec);
        assertThat(fx.opener(fx.partner(Fixture.EC)).open(out, newGateway, ec)).isNotNull();
        assertThatThrownBy(() -> fx.opener(fx.partner(Fixture.EC)).open(out, oldGateway, ec))
                .isInstanceOf(SecurityRefusal.class);
        // without the previous generation the in-flight message could not be read
        Keyring currentOnly = new Keyring("gateway", java.util.Map.of(KeyFamily.EC, k.signingKey(KeyFamily.EC)),
                k.decryptionKeys().stream().filter(e -> e.generation() == 0).toList());
        assertThatThrownBy(() -> fx.opener(currentOnly).open(inFlight, fx.trustOf(Fixture.EC, ec), ec))
                .isInstanceOfSatisfying(SecurityRefusal.class, r -> assertThat(r.code()).isEqualTo(RefusalCode.DECRYPTION_FAILED));
    }

    @Test
    void describeListsSubjectsFingerprintsAndExpiryAndWarnsAboutCertificatesExpiringSoon(@TempDir Path d) {
        DevPki pki = new DevPki();
        pki.init(d, List.of(new PartnerKeySpec("fr-police", KeyFamily.EC)));
        List<CertificateInfo> all = new KeyDirectory(d).describe();
        assertThat(all).extracting(CertificateInfo::file).contains("ca.cert.pem", "gateway.cert.pem", "fr-police.cert.pem");
        assertThat(all).allSatisfy(c -> assertThat(c.sha256Fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"));
        assertThat(new KeyDirectory(d).expiringWithin(java.time.Instant.now(), Duration.ofDays(30))).isEmpty();
        java.time.Instant now = java.time.Instant.now();
        pki.issueKeySet(d, "fr-police", KeyFamily.EC, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10)));
        assertThat(new KeyDirectory(d).expiringWithin(java.time.Instant.now(), Duration.ofDays(30))).extracting(CertificateInfo::file).containsExactly("fr-police.cert.pem");
    }

    @Test
    void shippedConfigurationLoadsTheFourProfilesAndAHardenedPolicy() {
        CryptoConfig c = CryptoConfig.load(Fixture.CONFIG_DIR);
        assertThat(c.profiles()).containsKeys("ec", "ed", "rsa", "rsa-compat");
        assertThat(c.profile("ed").keyAgreement()).isEqualTo(Algorithms.X25519);
        assertThat(c.profile("rsa-compat").keyTransport()).isEqualTo(Algorithms.RSA_OAEP_MGF1P);
        assertThat(c.policy().refusedAlgorithms()).contains(Algorithms.AES128_CBC, Algorithms.RSA_1_5, Algorithms.SHA1);
        assertThat(c.keystore().pkcs11().name()).isEqualTo("passage-hsm");
    }

    static Path copyConfig(Path to) throws IOException {
        Path cfg = Files.createDirectories(to.resolve("crypto-config/profiles"));
        try (Stream<Path> s = Files.walk(Fixture.CONFIG_DIR)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Files.copy(p, to.resolve("crypto-config").resolve(Fixture.CONFIG_DIR.relativize(p)));
            }
        }
        return cfg.getParent();
    }

    @Test
    void profileUsingARefusedAlgorithmIsAConfigErrorNamingFileAndField(@TempDir Path d) throws IOException {
        Path cfg = copyConfig(d);
        Path f = cfg.resolve("profiles/ec.yaml");
        Files.writeString(f, Files.readString(f).replace("xmlenc11#aes256-gcm", "xmlenc#aes256-cbc"));
        assertThatThrownBy(() -> CryptoConfig.load(cfg)).isInstanceOf(CryptoConfigException.class)
                .hasMessageContaining("ec.yaml").hasMessageContaining("contentEncryption");
    }

    @Test
    void policyThatStopsRefusingRsa15IsAConfigError(@TempDir Path d) throws IOException {
        Path cfg = copyConfig(d);
        Path f = cfg.resolve("policy.yaml");
        Files.writeString(f, Files.readString(f).replace("  - http://www.w3.org/2001/04/xmlenc#rsa-1_5\n", ""));
        assertThatThrownBy(() -> CryptoConfig.load(cfg)).isInstanceOf(CryptoConfigException.class)
                .hasMessageContaining("policy.yaml").hasMessageContaining("refusedAlgorithms");
    }

    @Test
    void inlinePasswordAndMissingPkcs11LibraryAreConfigErrors(@TempDir Path d) throws IOException {
        Path cfg = copyConfig(d);
        Files.writeString(cfg.resolve("keystore.yaml"), "pkcs12:\n  path: gw.p12\n  password: secret\n");
        assertThatThrownBy(() -> CryptoConfig.load(cfg)).hasMessageContaining("keystore.yaml").hasMessageContaining("pkcs12.password");
        Files.writeString(cfg.resolve("keystore.yaml"), "keyDir: keys\npkcs11:\n  name: hsm\n  pinEnv: PIN\n");
        assertThatThrownBy(() -> CryptoConfig.load(cfg)).hasMessageContaining("keystore.yaml").hasMessageContaining("'library'");
    }

    @Test
    void pkcs12KeystoreWithPasswordFromEnvironmentLoadsTheSameKeyring(@TempDir Path d) throws Exception {
        Fixture fx = new Fixture(d.resolve("keys"));
        Keyring pem = fx.gateway();
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = "test-only".toCharArray();
        for (String alias : List.of("gateway", "gateway-ec")) {
            ks.setKeyEntry(alias, Pem.readPrivateKey(fx.dir.resolve(alias + ".key.pem")), pw,
                    new java.security.cert.Certificate[] {Pem.readCertificate(fx.dir.resolve(alias + ".cert.pem"))});
        }
        Path p12 = d.resolve("gw.p12");
        try (var out = Files.newOutputStream(p12)) {
            ks.store(out, pw);
        }
        KeystoreSettings s = new KeystoreSettings(null, new KeystoreSettings.Pkcs12(p12, "GW_P12_PW", null), null);
        Keyring k = Keyring.load(s, "gateway", java.util.Map.of("GW_P12_PW", "test-only"));
        assertThat(k.signingKey(KeyFamily.EC).certificate()).isEqualTo(pem.signingKey(KeyFamily.EC).certificate());
        assertThatThrownBy(() -> Keyring.load(s, "gateway", java.util.Map.of())).hasMessageContaining("GW_P12_PW");
    }
}
