package ca.passage.console;

import ca.passage.store.ExchangeState;
import ca.passage.testing.Await;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supervisor in a real browser (supervisor2's client certificate) decides on notices held for approval; the
 * server's four-eyes rule holds on the console as on the API.
 */
class SupervisorConsoleBrowserTest extends SignedInConsoleTest {

    SupervisorConsoleBrowserTest() {
        super("supervisor2");
    }

    /** Submits the minor-victim sample (held for a supervisor) under a new id, as {@code user}, over the REST API. */
    private void submitHeld(String user, String noticeId) throws Exception {
        String xml = Files.readString(Path.of("samples/notices/01-yellow-missing-minor-sexual.xml"))
                .replace("CA-2026-000101", noticeId);
        HttpResponse<String> r = running.as(user).send(HttpRequest.newBuilder(URI.create(running.baseUrl() + "/api/v1/notices"))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString(xml)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    @Test
    void aSecondSupervisorApprovesAHeldNoticeAndItLeaves() throws Exception {
        submitHeld("supervisor1", "CA-2026-000971");
        browser.open("/console/supervisor");
        assertThat(browser.find("[data-notice='CA-2026-000971']").getText()).contains("PENDING_APPROVAL")
                .contains("held for a supervisor");
        browser.follow("[data-notice='CA-2026-000971'] h2 a");
        browser.follow("#approve");
        assertThat(browser.find("#done").getText()).contains("decision was recorded");
        assertThat(browser.find("#approval-state").getText()).contains("APPROVED").contains("supervisor2");
        Await.until(Duration.ofSeconds(60), () -> running.gateway.store().exchangesOf("CA-2026-000971").stream()
                .allMatch(e -> e.state() == ExchangeState.ACKNOWLEDGED));
    }

    @Test
    void theServerRefusesASupervisorsApprovalOfTheirOwnNotice() throws Exception {
        submitHeld("supervisor2", "CA-2026-000972");
        browser.open("/console/notices/CA-2026-000972");
        browser.follow("#approve");
        assertThat(browser.find("h1").getText()).isEqualTo("Four eyes");
        assertThat(running.gateway.store().exchangesOf("CA-2026-000972"))
                .allMatch(e -> e.state() == ExchangeState.PENDING_APPROVAL);
    }
}
