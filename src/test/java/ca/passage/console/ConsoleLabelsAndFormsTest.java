package ca.passage.console;

import ca.passage.xml.Violation;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleLabelsAndFormsTest {

    @Test
    void englishAndFrenchLabelTheSameKeys() {
        assertThat(Lang.FR.labels().keySet()).isEqualTo(Lang.EN.labels().keySet());
        assertThat(Lang.FR.t("officer.send")).isNotEqualTo(Lang.EN.t("officer.send"));
    }

    @Test
    void theLanguageComesFromTheCookieThenTheBrowser() {
        assertThat(Lang.forRequest("a=b; passage-lang=fr", "en-CA")).isEqualTo(Lang.FR);
        assertThat(Lang.forRequest(null, "fr-CA,fr;q=0.9")).isEqualTo(Lang.FR);
        assertThat(Lang.forRequest("passage-lang=xx", null)).isEqualTo(Lang.EN);
    }

    @Test
    void aViolationLandsOnTheFieldWhosePathItNames() {
        assertThat(ConsoleForms.fieldOf(new Violation("/CaseNotice/requestedAction/colour", "x"), false)).isEqualTo("colour");
        assertThat(ConsoleForms.fieldOf(new Violation("/CaseNotice/person[1]/dateOfBirth", "x"), false)).isEqualTo("person");
        assertThat(ConsoleForms.fieldOf(new Violation("/CaseNotice/recipient[2]", "x"), false)).isEqualTo("recipients");
        assertThat(ConsoleForms.fieldOf(new Violation("/CaseNotice/event", "x"), false)).isEqualTo("general");
        assertThat(ConsoleForms.fieldOf(new Violation("/CaseNotice/noticeId", "x"), true)).isEqualTo("document");
    }

    @Test
    void aFormIsRefusedWithoutTheUsersTokenFromAnotherOriginOrWithAFieldNamedLikeAHeader() {
        Csrf csrf = new Csrf();
        ConsoleForms forms = new ConsoleForms(csrf, java.time.Clock.systemUTC());
        String token = csrf.tokenFor("officer1");
        assertThat(forms.read(Map.of("csrf", token, "decision", "APPROVE"), headers()).refused()).isFalse();
        assertThat(forms.read(Map.of("csrf", csrf.tokenFor("officer2")), headers()).refusal()).contains("token");
        Map<String, Object> crossSite = headers();
        crossSite.put("Origin", "https://evil.example");
        assertThat(forms.read(Map.of("csrf", token), crossSite).refusal()).contains("origin");
        Map<String, Object> fromFrame = headers();
        fromFrame.put("Sec-Fetch-Site", "cross-site");
        assertThat(forms.read(Map.of("csrf", token), fromFrame).refused()).isTrue();
        Map<String, Object> injected = headers();
        injected.put("CamelHttpResponseCode", "200");
        assertThat(forms.read(Map.of("csrf", token, "CamelHttpResponseCode", "200"), injected).refusal())
                .contains("CamelHttpResponseCode");
        assertThat(injected).doesNotContainKey("CamelHttpResponseCode");
        assertThat(new Csrf().tokenFor("officer1")).as("a key per gateway start").isNotEqualTo(token);
    }

    private static Map<String, Object> headers() {
        Map<String, Object> h = new HashMap<>();
        h.put("PassagePrincipal", "officer1");
        h.put("Content-Type", "application/x-www-form-urlencoded");
        h.put("Host", "localhost:8443");
        h.put("Origin", "https://localhost:8443");
        h.put("Sec-Fetch-Site", "same-origin");
        return h;
    }
}
