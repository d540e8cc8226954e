package ca.passage.crypto;

import ca.passage.devtools.pki.DevPki;

import ca.passage.ledger.AuditQuery;
import ca.passage.ledger.AuditSearch;
import ca.passage.notice.CaseNotice;
import ca.passage.notice.NoticeMappers;
import ca.passage.devtools.sim.PartnerSimulator;
import ca.passage.testing.RunningGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Certificates the gateway must not trust, through a running gateway: the INTERPOL-style hub's pinned certificate
 * has expired, and the US agency's certificate is on the CA's revocation list. Their messages are refused with
 * their own codes and audited; the EU agency, whose certificate is fine, is still served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("process")
class GatewayCertificateRefusalTest {

    private RunningGateway running;

    @BeforeAll
    void start() throws IOException {
        running = RunningGateway.builder().keys(keys -> {
            DevPki pki = new DevPki();
            pki.issueKeySet(keys, "interpol-hub", KeyFamily.RSA, Instant.now().minus(Duration.ofDays(400)),
                    Instant.now().minus(Duration.ofDays(35)));
            pki.revoke(keys, "us-hsi");
        }).start();
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void messageSignedUnderAnExpiredPinnedCertificateIsRefusedAsExpired() throws Exception {
        // Our own sealer refuses to sign under an expired certificate, so the hub's message is made the way a
        // misconfigured partner system would: by hand, with its still-present key.
        var payload = ca.passage.translate.Translators.standard().forFormat("interpol-notice")
                .toPartner(notice("CERT-CERT_EXPIRED"), running.gateway.partners().get("interpol-hub"));
        var envelope = ca.passage.envelope.Envelope.build(new ca.passage.envelope.EnvelopeHeader(
                java.util.UUID.randomUUID() + "@interpol-hub", "c-1", null, "interpol-hub",
                ca.passage.envelope.EnvelopeHeader.GATEWAY_ID, ca.passage.envelope.EnvelopeHeader.SERVICE_NOTICE,
                ca.passage.envelope.EnvelopeHeader.ACTION_NOTIFY, Instant.now(), payload.handlingCode().name(),
                payload.payloadFormat()), payload.xml());
        Keyring hub = Keyring.load(running.keys, "interpol-hub");
        byte[] sealed = new HostileSealer().seal(envelope, hub.signingKey(KeyFamily.RSA).privateKey(),
                hub.signingKey(KeyFamily.RSA).certificate(),
                PartnerTrust.load(running.keys, KeyDirectory.GATEWAY, KeyFamily.RSA).encryptionCert());
        assertRefused("interpol-hub", "CERT_EXPIRED", running.sim("interpol-hub").send(running.inbound(), sealed));
    }

    @Test
    void messageFromAPartnerWhoseCertificateIsRevokedIsRefusedAsRevoked() throws IOException {
        assertRefused("us-hsi", "CERT_REVOKED");
    }

    @Test
    void aPartnerWithAGoodCertificateIsStillServed() throws IOException {
        PartnerSimulator eu = running.sim("eu-agency");
        assertThat(eu.send(running.inbound(), eu.sealNotice(notice("CERT-OK"))).status()).isEqualTo(200);
    }

    private void assertRefused(String partner, String code) throws IOException {
        PartnerSimulator sim = running.sim(partner);
        assertRefused(partner, code, sim.send(running.inbound(), sim.sealNotice(notice("CERT-" + code))));
    }

    private void assertRefused(String partner, String code, PartnerSimulator.SendResult r) {
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).as("an unidentified sender learns nothing of the partner's certificate")
                .contains("EBMS:0101", RefusalCode.SENDER_NOT_ACCEPTED.name()).doesNotContain(code);
        assertThat(new AuditSearch(running.gateway.dataSource()).search(AuditQuery.all().action("INBOUND_REFUSED")
                .partner(partner)).items()).anySatisfy(e -> assertThat(e.event().errorCode()).isEqualTo(code));
        assertThat(running.gateway.store().findNotice("IN-" + partner + "-CERT-" + code)).isEmpty();
    }

    private static CaseNotice notice(String id) throws IOException {
        String xml = Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml")).replace("CA-2026-000102", id);
        return NoticeMappers.xml().readValue(xml, CaseNotice.class);
    }
}
