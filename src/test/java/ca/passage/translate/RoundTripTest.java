package ca.passage.translate;

import ca.passage.notice.CaseNotice;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PolicyOutcome;
import ca.passage.partner.SharingPolicy;
import ca.passage.xml.XmlSchemaValidator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sample notice, to every shipped partner in every format: the XML validates against the format's XSD (checked
 * here independently of the translator), and reading it back gives exactly what the policy let through.
 */
class RoundTripTest {

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Path sample : TestSupport.samples()) {
            for (String partner : TestSupport.PARTNERS.keySet().stream().sorted().toList()) {
                for (String format : TestSupport.REGISTRY.formats().stream().sorted().toList()) {
                    out.add(Arguments.of(sample.getFileName().toString(), partner, format));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} -> {1} as {2}")
    @MethodSource("cases")
    void validatesAndRoundTripsWhatThePolicyAllows(String sample, String partnerId, String format) {
        CaseNotice notice = TestSupport.sample(sample);
        PartnerProfile partner = TestSupport.PARTNERS.get(partnerId);
        PartnerTranslator t = TestSupport.REGISTRY.forFormat(format);
        PolicyOutcome outcome;
        TranslatedPayload payload;
        try {
            outcome = new SharingPolicy().apply(notice, partner);
            payload = t.toPartner(notice, partner);
        } catch (TranslationException | ca.passage.partner.SharingPolicyException refused) {
            // refusals are covered by RefusalTest and the golden files; nothing to round-trip
            Assumptions.abort("refused: " + refused.getMessage());
            return;
        }
        assertThat(XmlSchemaValidator.fromClasspath(t.schema()).validate(payload.xml())).isEmpty();
        assertThat(payload.payloadFormat()).isEqualTo(format + "/1");
        assertThat(payload.handlingCode()).isEqualTo(outcome.handlingCode());
        assertThat(payload.removedCategories()).isEqualTo(outcome.removedCategories());

        CaseNotice back = t.fromPartner(TestSupport.element(payload.xml()), partner);
        assertThat(back).isEqualTo(Notices.withRecipients(outcome.notice(), List.of(Translators.DOMESTIC_RECIPIENT)));
    }
}
