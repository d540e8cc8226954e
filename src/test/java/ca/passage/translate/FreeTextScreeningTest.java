package ca.passage.translate;

import ca.passage.notice.CaseNotice;
import ca.passage.partner.FreeTextScreener;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PolicyOutcome;
import ca.passage.partner.SharingPolicy;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The free-text screener inside the sharing policy, on sample 03 (suspect S1, victim V1 with a work permit). */
class FreeTextScreeningTest {

    private final SharingPolicy policy = new SharingPolicy();
    private static final PartnerProfile INTERPOL = TestSupport.PARTNERS.get("interpol-hub");
    private static final PartnerProfile EU = TestSupport.PARTNERS.get("eu-agency");
    private static final PartnerProfile US = TestSupport.PARTNERS.get("us-hsi");
    private static final CaseNotice SAMPLE = TestSupport.sample("03-blue-labour-recruiter-locate.xml");

    @Test
    void victimNameBirthDateAndDocumentInTheReleaseSummaryAreReplacedWithPlaceholders() {
        CaseNotice n = Notices.withReleaseSummary(SAMPLE, "Maricel VILLANUEVA (born 3 December 1991), permit "
                + "U 104477123, was recruited by Rogelio Santos Dimaculangan.");
        PolicyOutcome o = policy.apply(n, US);
        assertThat(o.notice().summary()).isEqualTo("[VICTIM V1] (born [DATE OF BIRTH]), permit [DOCUMENT], was "
                + "recruited by Rogelio Santos Dimaculangan.");
        assertThat(o.notice().releaseSummary()).isNull();
        assertThat(o.redactedKinds()).containsExactlyInAnyOrder(FreeTextScreener.Kind.NAME,
                FreeTextScreener.Kind.DATE_OF_BIRTH, FreeTextScreener.Kind.DOCUMENT);
        assertThat(o.redactions()).allSatisfy(r -> assertThat(r.field()).isEqualTo("/CaseNotice/summary"));
        assertThat(o.needsApproval()).isFalse();
    }

    @Test
    void namesMatchInEitherOrderWithoutAccentsOrCaseAndAsInitials() {
        CaseNotice n = Notices.withRecruitment(SAMPLE, "VILLANUÉVA, maricel; M. Villanueva; villanueva M.; "
                + "Maricel alone; 03/12/1991; 1991-12-03");
        String out = policy.apply(n, US).notice().offence().recruitment();
        assertThat(out).isEqualTo("[VICTIM V1]; [VICTIM V1]; [VICTIM V1]; [VICTIM V1] alone; [DATE OF BIRTH]; "
                + "[DATE OF BIRTH]");
    }

    @Test
    void theSuspectsContactDataIsRedactedForAPartnerWithoutContactDataOnly() {
        CaseNotice n = Notices.withRecruitment(SAMPLE, "Call Boss Jun on (917) 555-0123 or JUN.PLACEMENTS@example.com");
        assertThat(policy.apply(n, INTERPOL).notice().offence().recruitment())
                .isEqualTo("Call Boss Jun on [PHONE] or [EMAIL]");
        assertThat(policy.apply(n, US).notice().offence().recruitment())
                .isEqualTo("Call Boss Jun on (917) 555-0123 or JUN.PLACEMENTS@example.com");
    }

    @Test
    void identifierShapedStringsOfNoPersonHoldTheNoticeWithTheReason() {
        CaseNotice n = Notices.withRecruitment(SAMPLE, "Second recruiter: +1 604 555 9999, ab@example.org, "
                + "passport XK1234567, @harvest_jobs; ask the desk on 604-555-0142");
        PolicyOutcome o = policy.apply(n, EU);
        assertThat(o.needsApproval()).isTrue();
        assertThat(o.approvalReason()).contains(
                "free text /CaseNotice/offence/recruitment holds a phone-shaped number that belongs to no person",
                "holds an e-mail address that belongs to no person",
                "holds a document- or account-shaped number that belongs to no person",
                "holds a social-media handle that belongs to no person");
    }

    @Test
    void theDesksOwnContactAndDatesDoNotHoldANotice() {
        CaseNotice n = Notices.withRecruitment(SAMPLE, "Ask the desk on 604-555-0142 or e-div-htu@rcmp-grc.example.ca; "
                + "recruited 2025-09-15, see CA-2026-000102");
        assertThat(policy.apply(n, US).approvalReason()).isEmpty();
    }

    @Test
    void anyMentionOfAnAgeUnder18HoldsTheNotice() {
        assertThat(policy.apply(Notices.withRecruitment(SAMPLE, "recruited a 16-year-old cousin"), US).approvalReason())
                .isEqualTo("free text /CaseNotice/offence/recruitment mentions an age under 18");
        assertThat(policy.apply(Notices.withRecruitment(SAMPLE, "victim aged fifteen"), US).needsApproval()).isTrue();
        assertThat(policy.apply(Notices.withRecruitment(SAMPLE, "victime de 14 ans"), US).needsApproval()).isTrue();
        assertThat(policy.apply(Notices.withRecruitment(SAMPLE, "a 25-year-old worker"), US).needsApproval()).isFalse();
    }

    @Test
    void theRedactedTextIsWhatReachesThePartnerXml() {
        CaseNotice n = Notices.withReleaseSummary(SAMPLE, "Maricel Villanueva, permit U104477123");
        for (PartnerProfile p : TestSupport.PARTNERS.values()) {
            String xml = new String(TestSupport.translatorFor(p).toPartner(n, p).xml(), StandardCharsets.UTF_8);
            if (p.agreement().allows(ca.passage.partner.DataCategory.VICTIM_IDENTITY)) {
                assertThat(xml).as(p.id()).contains("Maricel Villanueva");
            } else {
                assertThat(xml).as(p.id()).doesNotContain("Villanueva").contains("[VICTIM V1], permit [DOCUMENT]");
            }
        }
    }
}
