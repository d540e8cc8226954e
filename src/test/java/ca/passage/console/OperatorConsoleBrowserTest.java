package ca.passage.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator in a real browser (operator1's client certificate) suspends and resumes a partner. */
class OperatorConsoleBrowserTest extends SignedInConsoleTest {

    OperatorConsoleBrowserTest() {
        super("operator1");
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
