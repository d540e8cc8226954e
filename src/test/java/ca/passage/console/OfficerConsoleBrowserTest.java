package ca.passage.console;

import ca.passage.testing.Await;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An officer in a real browser, signed in with officer1's client certificate, submits notices on the console. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfficerConsoleBrowserTest extends SignedInConsoleTest {

    OfficerConsoleBrowserTest() {
        super("officer1");
    }

    private void fill(Map<String, String> fields) {
        browser.open("/console/officer");
        for (Map.Entry<String, String> f : fields.entrySet()) {
            WebElement e = browser.find("#f-" + f.getKey());
            if (e.getTagName().equals("select")) {
                new Select(e).selectByValue(f.getValue());
            } else {
                e.clear();
                e.sendKeys(f.getValue());
            }
        }
        browser.follow("#submit-notice");
    }

    private static Map<String, String> common(String noticeId, String colour) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("noticeId", noticeId);
        m.put("nationalFileNumber", "OPP-HT-2026-0901");
        m.put("agencyCode", "OPP-HTU");
        m.put("agencyName", "Ontario Provincial Police, Human Trafficking Unit");
        m.put("contactName", "D/Sgt. Test");
        m.put("contactEmail", "htu-intl@opp.example.ca");
        m.put("kind", "NOTICE");
        m.put("colour", colour);
        m.put("priority", "ROUTINE");
        m.put("instrument", "UN Trafficking Protocol art. 10");
        m.put("handlingCode", "H0");
        m.put("sourceGrade", "B");
        m.put("informationGrade", "2");
        m.put("section", "CC-279.01");
        m.put("exploitationType", "LABOUR");
        return m;
    }

    @Test
    @Order(1)
    void aBadNoticeShowsEachErrorNextToTheFieldItNames() {
        fill(common("CA 2026 #961", "GREEN"));
        assertThat(browser.find("#err-noticeId").getText()).contains("/CaseNotice/noticeId");
        assertThat(browser.find("#f-noticeId").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#f-noticeId").getAttribute("aria-describedby")).isEqualTo("err-noticeId");
        assertThat(browser.find("#f-agencyName").getAttribute("value")).startsWith("Ontario Provincial Police");

        fill(common("CA-2026-000961", "GREEN")); // a GREEN notice is about a person, and none is named
        assertThat(browser.find("#err-person").getText()).contains("needs at least one");
        assertThat(running.gateway.store().findNotice("CA-2026-000961")).isEmpty();
    }

    @Test
    @Order(2)
    void aGoodNoticeIsAcceptedAndEachPartnerReachesAcknowledged() {
        Map<String, String> fields = common("CA-2026-000962", "GREEN");
        fields.put("personRole", "SUSPECT");
        fields.put("familyName", "Exemple");
        fields.put("sex", "MALE");
        fill(fields);
        assertThat(browser.find("#done").getText()).contains("accepted");
        assertThat(browser.driver.getCurrentUrl()).contains("/console/notices/CA-2026-000962");
        List<String> partners = running.gateway.partners().all().stream().map(p -> p.id()).sorted().toList();
        // read in one script run: the page's live refresh replaces the rows, so elements held across calls go stale
        Await.untilAsserted(Duration.ofSeconds(60), () -> assertThat(browser.driver.executeScript(
                "return [...document.querySelectorAll('#exchanges tr[data-partner]')]"
                        + ".filter(r => r.querySelector('[data-state]').textContent.trim() === 'ACKNOWLEDGED')"
                        + ".map(r => r.dataset.partner).sort()")).isEqualTo(partners));
        browser.open("/console/officer");
        assertThat(browser.find("[data-notice='CA-2026-000962']").getText()).contains("ACKNOWLEDGED");
        browser.open("/console/notices/CA-2026-000962");
        // what each partner receives: the preview API's payload per partner, with the digest an approval would bind
        assertThat(browser.all("details.preview").stream().map(d -> d.getAttribute("data-partner")).sorted().toList())
                .isEqualTo(partners);
        assertThat(browser.find("details.preview summary").getText()).contains("sha256:");
        browser.find("details.preview summary").click();
        browser.screenshot("console-pages", "officer-notice"); // the README's picture comes from here
    }

    @Test
    @Order(3)
    void theTimelineShowsTheExchangesAuditedSteps() {
        browser.open("/console/notices/CA-2026-000962");
        browser.follow("#exchanges tr[data-partner] a");
        assertThat(browser.text()).contains("EXCHANGE_CREATED").contains("MESSAGE_SENT").contains("RECEIPT_ACCEPTED");
    }

    @Test
    @Order(4)
    void labelsSwitchToFrenchAndBack() {
        browser.open("/console/officer");
        browser.follow("#lang-switch");
        assertThat(browser.find("label[for=f-familyName]").getText()).isEqualTo("Nom de famille");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("fr");
        browser.follow("#lang-switch");
        assertThat(browser.find("label[for=f-familyName]").getText()).isEqualTo("Family name");
    }
}
