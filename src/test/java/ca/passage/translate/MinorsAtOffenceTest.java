package ca.passage.translate;

import ca.passage.notice.CaseNotice;
import ca.passage.notice.InvalidNoticeException;
import ca.passage.notice.NoticeParser;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PolicyOutcome;
import ca.passage.partner.SharingPolicy;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Minors of any role, at the offence date (the earliest event; the creation date without one). The parser's clock
 * is 2026-11-29; sample 02's first event is 2025-02-01, its suspect S1 the first person.
 */
class MinorsAtOffenceTest {

    private final SharingPolicy policy = new SharingPolicy();
    private static final PartnerProfile US = TestSupport.PARTNERS.get("us-hsi");

    private static String sample02() throws Exception {
        return Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml"), StandardCharsets.UTF_8);
    }

    private static CaseNotice parse(String xml) {
        return TestSupport.PARSER.parse(xml.getBytes(StandardCharsets.UTF_8), NoticeParser.Format.XML);
    }

    private static InvalidNoticeException refused(String xml) {
        return catchThrowableOfType(() -> parse(xml), InvalidNoticeException.class);
    }

    @Test
    void aSuspectMinorAtTheOffenceDateButAdultTodayIsAMinorAndHeldUnderTheYouthCriminalJusticeAct() throws Exception {
        // 17 on 2025-02-01 (the first event), 18 on 2026-11-29 (today)
        String xml = sample02().replace("<dateOfBirth>1979-08-02</dateOfBirth>", "<dateOfBirth>2007-06-01</dateOfBirth>")
                .replaceFirst("<minor>false</minor>", "<minor>true</minor>");
        PolicyOutcome o = policy.apply(parse(xml), US);
        assertThat(o.needsApproval()).isTrue();
        assertThat(o.approvalReason())
                .contains("the notice involves a minor suspect (S1) at the offence date (Youth Criminal Justice Act)");
    }

    @Test
    void aMinorFlagContradictingTheDateOfBirthAtTheOffenceDateIsRefusedNamingThePath() throws Exception {
        String minorNotFlagged = sample02().replace("<dateOfBirth>1979-08-02</dateOfBirth>", "<dateOfBirth>2007-06-01</dateOfBirth>");
        assertThat(refused(minorNotFlagged).violations()).anySatisfy(v -> {
            assertThat(v.path()).isEqualTo("/CaseNotice/person[1]/minor");
            assertThat(v.message()).contains("17 at the offence date 2025-02-01");
        });
        String adultFlagged = sample02().replaceFirst("<minor>false</minor>", "<minor>true</minor>");
        assertThat(refused(adultFlagged).violations()).anySatisfy(v -> {
            assertThat(v.path()).isEqualTo("/CaseNotice/person[1]/minor");
            assertThat(v.message()).contains("an adult");
        });
    }

    @Test
    void anAdultSuspectIsNotHeld() throws Exception {
        assertThat(policy.apply(parse(sample02()), US).approvalReason()).doesNotContain("minor");
    }

    @Test
    void section279011ImpliesAMinorVictim() throws Exception {
        String noVictims = sample02().replace("<section>CC-279.01</section>", "<section>CC-279.011</section>");
        assertThat(policy.apply(parse(noVictims), US).approvalReason()).contains("the notice involves a minor victim");
        String adultVictim = noVictims.replace("</person>", "</person>\n<person personId=\"V1\"><role>VICTIM</role>"
                + "<familyName>Ortega</familyName><dateOfBirth>1990-01-01</dateOfBirth><sex>FEMALE</sex><minor>false</minor></person>");
        assertThat(refused(adultVictim).violations()).anySatisfy(v -> assertThat(v.path()).isEqualTo("/CaseNotice/offence/section"));
    }

    @Test
    void anEstimatedAgeUnder18MakesAMinorAndNeedsSchema11() throws Exception {
        String witness = "</person>\n<person personId=\"W1\"><role>WITNESS</role><familyName>Ortega</familyName>"
                + "<estimatedAge>15</estimatedAge><sex>FEMALE</sex><minor>true</minor></person>";
        String v10 = sample02().replace("</person>", witness);
        assertThat(refused(v10).violations()).anySatisfy(v -> {
            assertThat(v.path()).isEqualTo("/CaseNotice/person[2]/estimatedAge");
            assertThat(v.message()).contains("schemaVersion 1.1");
        });
        String v11 = v10.replace("schemaVersion=\"1.0\"", "schemaVersion=\"1.1\"");
        CaseNotice n = parse(v11);
        assertThat(n.persons().get(1).estimatedAge()).isEqualTo(15);
        assertThat(policy.apply(n, TestSupport.PARTNERS.get("eu-agency")).approvalReason())
                .contains("the notice involves a minor witness (W1) at the offence date");
        assertThat(refused(v11.replace("<minor>true</minor></person>", "<minor>false</minor></person>")).violations())
                .anySatisfy(v -> assertThat(v.path()).isEqualTo("/CaseNotice/person[2]/minor"));
    }
}
