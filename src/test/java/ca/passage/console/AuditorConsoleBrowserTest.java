package ca.passage.console;

import ca.passage.testing.Await;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor in a real browser (auditor1's client certificate) verifies the chain and downloads an export; the
 * public statistics page withholds the small cells of the notices sent.
 */
class AuditorConsoleBrowserTest extends SignedInConsoleTest {

    AuditorConsoleBrowserTest() {
        super("auditor1");
    }

    @Override
    void beforeSignIn() throws Exception {
        for (String sample : List.of("02-red-labour-suspect.xml", "05-green-online-recruiter-warning.xml")) {
            HttpResponse<String> r = running.as("officer1").send(HttpRequest.newBuilder(URI.create(running.baseUrl()
                    + "/api/v1/notices")).header("Content-Type", "application/xml")
                    .POST(HttpRequest.BodyPublishers.ofFile(Path.of("samples/notices", sample))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        }
    }

    @Test
    void anAuditorVerifiesTheChainAndSeesTheLastCheckpoint() {
        running.gateway.checkpointAuditChain();
        browser.open("/console/audit");
        assertThat(browser.find("#events").getText()).contains("NOTICE_RECEIVED");
        browser.follow("#verify");
        assertThat(browser.find("#verdict").getAttribute("data-intact")).isEqualTo("true");
        assertThat(browser.find("#last-checkpoint").getText()).startsWith("#");
        browser.screenshot("console-pages", "auditor-verify"); // the README's picture comes from here
    }

    @Test
    void anAuditorDownloadsAnExportOfTheChain() throws Exception {
        browser.open("/console/audit");
        browser.find("#export-jsonl").click();
        Path file = Await.until(Duration.ofSeconds(30), () -> {
            try (var files = Files.list(browser.downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).findFirst().orElse(null);
            }
        }, f -> f != null);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).contains("\"type\":\"header\"");
        assertThat(lines).anyMatch(l -> l.contains("NOTICE_RECEIVED"));
    }

    @Test
    void theStatisticsPageWithholdsSmallCells() {
        browser.open("/console/statistics");
        assertThat(browser.all("td.suppressed")).isNotEmpty();
        assertThat(browser.find("td.suppressed").getText()).isEqualTo("x");
        assertThat(browser.find("#suppressed-count").getText()).doesNotEndWith(": 0");
    }
}
