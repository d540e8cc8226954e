package ca.passage.console;

import ca.passage.testing.ConsoleBrowser;
import ca.passage.testing.RunningGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator in a real browser (operator1's client certificate) suspends and resumes a partner. */
@Tag("browser")
@Tag("process")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorConsoleBrowserTest {

    private RunningGateway running;
    private ConsoleBrowser browser;

    @RegisterExtension
    final TestWatcher screenshots = ConsoleBrowser.screenshotOnFailure(() -> browser);

    @BeforeAll
    void start() throws Exception {
        running = RunningGateway.start();
        browser = new ConsoleBrowser(running, "operator1");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        running.close();
    }

    @Test
    void anOperatorSuspendsAndResumesAPartner() throws Exception {
        String partner = "us-hsi";
        browser.open("/console/operator");
        assertThat(browser.find("tr[data-partner='" + partner + "'] .suspended").getAttribute("data-suspended")).isEqualTo("false");
        assertThat(browser.find("tr[data-partner='" + partner + "']").getText()).contains("http");

        browser.follow("#suspend-" + partner);
        assertThat(browser.find("#done").getText()).contains("suspended");
        assertThat(browser.find("tr[data-partner='" + partner + "'] .suspended").getAttribute("data-suspended")).isEqualTo("true");
        assertThat(running.gateway.camelContext().getRouteController().getRouteStatus("outbound-" + partner).isStopped()).isTrue();

        browser.follow("#resume-" + partner);
        assertThat(browser.find("#done").getText()).contains("resumed");
        assertThat(browser.find("tr[data-partner='" + partner + "'] .suspended").getAttribute("data-suspended")).isEqualTo("false");
        assertThat(running.gateway.camelContext().getRouteController().getRouteStatus("outbound-" + partner).isStarted()).isTrue();
    }
}
