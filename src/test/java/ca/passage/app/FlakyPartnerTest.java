package ca.passage.app;

import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.devtools.sim.PartnerSimulator;
import ca.passage.devtools.sim.SimBehaviour;
import ca.passage.testing.Await;
import ca.passage.testing.RunningGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partners that fail, hang, drop or delay their receipts. Retry policies are shortened (copies of the shipped
 * profiles) so that the whole story plays out in seconds: each exchange ends ACKNOWLEDGED after retries, or FAILED
 * with the reason once the partner's limit is hit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("process")
class FlakyPartnerTest {

    private RunningGateway running;
    private Gateway gateway;
    private String baseUrl;

    @BeforeAll
    void start() throws IOException {
        running = RunningGateway.builder()
                .profiles(yaml -> yaml
                        .replace("initialDelay: PT1S", "initialDelay: PT0.2S")
                        .replace("maxDelay: PT1M", "maxDelay: PT0.5S")
                        .replace("maxAttempts: 6", "maxAttempts: 4")
                        .replace("acknowledgementTimeout: PT2M", "acknowledgementTimeout: PT1S"))
                .deliveryTimeout(Duration.ofSeconds(1))
                .behaviour("interpol-hub", inbound -> SimBehaviour.wellBehaved().droppingReceiptsFirst(1))
                .behaviour("eu-agency", inbound -> SimBehaviour.wellBehaved().failingFirst(1)
                        .stallingFirst(1, Duration.ofSeconds(3)).asyncReceiptsTo(inbound))
                .behaviour("us-hsi", inbound -> SimBehaviour.wellBehaved().failingFirst(1_000))
                .start();
        gateway = running.gateway;
        baseUrl = running.baseUrl();
        HttpResponse<String> r = post(Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void partnerThatDropsAReceiptGetsTheSameMessageAgainAfterItsTimeoutAndAcknowledges() throws Exception {
        ExchangeRecord e = awaitFinal("interpol-hub");
        assertThat(e.state()).isEqualTo(ExchangeState.ACKNOWLEDGED);
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(running.sim("interpol-hub").distinctMessages()).isEqualTo(1);
        assertThat(running.sim("interpol-hub").duplicateMessages()).isEqualTo(1);
    }

    @Test
    void partnerThatFailsThenHangsThenReceiptsAsynchronouslyEndsAcknowledged() throws Exception {
        ExchangeRecord e = awaitFinal("eu-agency");
        assertThat(e.state()).isEqualTo(ExchangeState.ACKNOWLEDGED);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.receiptDigest()).hasSize(64);
    }

    @Test
    void partnerThatAlwaysFailsEndsFailedWithTheLastErrorAfterItsLimit() throws Exception {
        ExchangeRecord e = awaitFinal("us-hsi");
        assertThat(e.state()).isEqualTo(ExchangeState.FAILED);
        assertThat(e.attempts()).isEqualTo(4);
        assertThat(e.lastError()).contains("retry limit reached", "HTTP 500");
        assertThat(new ca.passage.ledger.AuditSearch(gateway.dataSource()).search(ca.passage.ledger.AuditQuery.all()
                .exchange(e.exchangeId()).action("DELIVERY_ATTEMPT").outcome("FAILED")).total())
                .as("every failed attempt is audited").isEqualTo(4);
    }

    @Test
    void businessResponseToAPartnerThatKeepsFailingIsRetriedToItsLimitThenFailedAndAudited() throws Exception {
        PartnerSimulator us = running.sim("us-hsi");
        String xml = Files.readString(Path.of("samples/notices/05-green-online-recruiter-warning.xml"))
                .replaceAll("<noticeId>[^<]+</noticeId>", "<noticeId>US-FLAKY-1</noticeId>");
        assertThat(us.send(running.inbound(), us.sealNotice(ca.passage.notice.NoticeMappers.xml()
                .readValue(xml, ca.passage.notice.CaseNotice.class))).status()).isEqualTo(200);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/v1/notices/IN-us-hsi-US-FLAKY-1/response"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"decision\":\"ACCEPTED\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        var audit = new ca.passage.ledger.AuditSearch(gateway.dataSource());
        var failed = ca.passage.ledger.AuditQuery.all().action("DOMESTIC_RESPONSE_FAILED").notice("IN-us-hsi-US-FLAKY-1");
        Await.until(Duration.ofSeconds(60), () -> audit.search(failed).total() > 0);
        assertThat(audit.search(failed).total()).isEqualTo(1);
        assertThat(us.businessResponses()).isZero();
    }

    private ExchangeRecord awaitFinal(String partner) {
        return Await.until(Duration.ofSeconds(60), () -> gateway.store().exchangesOf("CA-2026-000102").stream()
                .filter(x -> x.partnerId().equals(partner)).findFirst().orElseThrow(), e -> e.state().isFinal());
    }

    private HttpResponse<String> post(String xml) throws IOException {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/notices"))
                    .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString(xml)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

}
