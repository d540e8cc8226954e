package ca.passage.crypto;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RoundTripTest {
    @TempDir
    static Path dir;
    static Fixture fx;

    @BeforeAll
    static void pki() {
        fx = new Fixture(dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec", "ed", "rsa-compat", "rsa"})
    void gatewaySealedMessageOpensAtThePartnerWithHeaderReadableAndPayloadEncrypted(String profileName) throws Exception {
        CryptoProfile p = fx.profile(profileName);
        String partner = Fixture.partnerFor(profileName);
        Document env = fx.envelope("gateway", partner);
        String original = Fixture.text(MessageXml.serialize(env.getDocumentElement()
                .getElementsByTagNameNS("urn:example:notice:1", "Notice").item(0)));

        byte[] sealed = fx.sealer(fx.gateway()).seal(env, fx.trustOf(partner, p), p);

        String wire = Fixture.text(sealed);
        assertThat(wire).contains("<env:MessageId>").contains("EncryptedData").contains(p.contentEncryption())
                .contains(p.signatureAlgorithm()).doesNotContain("Person 1<").doesNotContain("n:Notice");
        OpenedMessage m = fx.opener(fx.partner(partner)).open(sealed, fx.gatewayTrust(p), p);
        assertThat(Fixture.text(MessageXml.serialize(Fixture.notice(m)))).isEqualTo(original);
        assertThat(m.headerField("HandlingCode")).isEqualTo("H1");
        assertThat(m.signerFingerprint()).isEqualTo(fx.gatewayTrust(p).signingFingerprint());
        assertThat(m.profile()).isEqualTo(profileName);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec", "ed", "rsa-compat"})
    void partnerSealedMessageOpensAtTheGateway(String profileName) {
        CryptoProfile p = fx.profile(profileName);
        String partner = Fixture.partnerFor(profileName);
        byte[] sealed = fx.sealer(fx.partner(partner)).seal(fx.envelope(partner, "gateway"), fx.gatewayTrust(p), p);
        OpenedMessage m = fx.opener(fx.gateway()).open(sealed, fx.trustOf(partner, p), p);
        assertThat(m.headerField("From")).isEqualTo(partner);
    }

    @Test
    void sealingDoesNotModifyTheCallersEnvelope() {
        CryptoProfile p = fx.profile("ec");
        Document env = fx.envelope("gateway", Fixture.EC);
        String before = Fixture.text(MessageXml.serialize(env));
        fx.sealer(fx.gateway()).seal(env, fx.trustOf(Fixture.EC, p), p);
        assertThat(Fixture.text(MessageXml.serialize(env))).isEqualTo(before);
    }
}
