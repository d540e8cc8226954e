package ca.passage.translate;

import ca.passage.notice.CaseNotice;
import ca.passage.notice.HandlingCode;
import ca.passage.notice.Person;
import ca.passage.partner.DataCategory;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PolicyOutcome;
import ca.passage.partner.SharingPolicy;
import ca.passage.partner.Removal;
import ca.passage.notice.VictimCare;
import ca.passage.notice.CaseNotice;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SharingPolicyTest {

    private final SharingPolicy policy = new SharingPolicy();
    private static final PartnerProfile INTERPOL = TestSupport.PARTNERS.get("interpol-hub");
    private static final PartnerProfile EU = TestSupport.PARTNERS.get("eu-agency");
    private static final PartnerProfile US = TestSupport.PARTNERS.get("us-hsi");

    @Test
    void minorVictimIsGeneralisedAndNeedsApproval() {
        PolicyOutcome o = policy.apply(TestSupport.sample("01-yellow-missing-minor-sexual.xml"), INTERPOL);
        Person victim = o.notice().persons().get(0);
        assertThat(victim.familyName()).isNull();
        assertThat(victim.dateOfBirth()).isNull();
        assertThat(victim.fatherName()).isNull();
        assertThat(victim.sex()).hasToString("FEMALE");
        assertThat(victim.nationalities()).containsExactly("CA");
        assertThat(victim.missingSince()).isEqualTo(LocalDate.of(2026, 11, 17));
        assertThat(o.ageBand("P1")).isEqualTo("15-17");
        // the victim's physical description goes with her identity; the suspect's phone and handle (no CONTACT_DATA)
        assertThat(o.removedCategories()).containsExactlyInAnyOrder(DataCategory.VICTIM_IDENTITY,
                DataCategory.BIOMETRIC_REFERENCES, DataCategory.CONTACT_DATA);
        assertThat(o.needsApproval()).isTrue();
        assertThat(o.approvalReason()).isEqualTo("the notice involves a minor victim");
        assertThat(o.notice().recipients()).containsExactly("interpol-hub");
    }

    @Test
    void referralsAndSelfIdentificationLeaveOnlyWhereTheAgreementNamesThemAndTheRemovalsSaySoWithoutValues() {
        CaseNotice n = TestSupport.sample("14-blue-labour-victim-centred.xml");
        PolicyOutcome hub = policy.apply(n, INTERPOL);
        VictimCare atHub = hub.notice().persons().get(0).victimCare();
        assertThat(atHub.referrals()).isEmpty();
        assertThat(atHub.selfIdentified()).isNull();
        assertThat(atHub.consentToShare().given()).as("consent travels with the victim").isTrue();
        assertThat(atHub.nonPunishment()).isTrue();
        assertThat(atHub.safetyCaveat()).startsWith("Relocated under a safety plan");
        assertThat(hub.notice().handling().restriction()).contains("Safety caveat: a victim in this case");
        assertThat(hub.removals()).extracting(Removal::path, Removal::category).contains(
                tuple("/CaseNotice/person[1]", "VICTIM_IDENTITY"),
                tuple("/CaseNotice/person[1]/victimCare/selfIdentified", "SELF_IDENTIFICATION"),
                tuple("/CaseNotice/person[1]/victimCare/referral", "T_VISA_REFERRAL"),
                tuple("/CaseNotice/person[1]/victimCare/referral", "REFLECTION_PERIOD_REFERRAL"),
                tuple("/CaseNotice/person[2]/organisation", "ORGANISATIONS"));
        assertThat(hub.removals().toString()).doesNotContain("Xiloj", "Marta", "Cosecha");

        assertThat(policy.apply(n, US).notice().persons().get(0).victimCare().referrals())
                .containsExactly(VictimCare.Referral.CONTINUED_PRESENCE, VictimCare.Referral.T_VISA);
        assertThat(policy.apply(n, EU).notice().persons().get(0).victimCare().referrals())
                .containsExactly(VictimCare.Referral.REFLECTION_PERIOD);
    }

    @Test
    void victimIdentityLeavingCanadaNeedsApproval() {
        PolicyOutcome o = policy.apply(TestSupport.sample("11-blue-forced-marriage-restricted.xml"), EU);
        assertThat(o.approvalReason()).isEqualTo("victim identity (V1) would leave Canada to partner eu-agency");
        assertThat(o.removedCategories()).isEmpty();
        assertThat(o.handlingCode()).isEqualTo(HandlingCode.H3);
    }

    @Test
    void noApprovalWhenNoMinorAndNoVictimIdentityLeaves() {
        PolicyOutcome o = policy.apply(TestSupport.sample("03-blue-labour-recruiter-locate.xml"), US);
        assertThat(o.needsApproval()).isFalse();
        assertThat(o.approvalReason()).isEmpty();
        assertThat(o.removedCategories()).containsExactlyInAnyOrder(DataCategory.VICTIM_IDENTITY,
                DataCategory.TRAVEL_DOCUMENTS, DataCategory.BIOMETRIC_REFERENCES);
    }

    @Test
    void handlingCodeIsRaisedToTheAgreementsDefault() {
        CaseNotice h0 = TestSupport.sample("02-red-labour-suspect.xml");
        assertThat(h0.handling().code()).isEqualTo(HandlingCode.H0);
        PartnerProfile onwardAllowed = Profiles.withOnwardTransfer(EU, ca.passage.partner.OnwardTransfer.ALLOWED);
        PolicyOutcome eu = policy.apply(h0, onwardAllowed);
        assertThat(eu.handlingCode()).isEqualTo(HandlingCode.H1);
        assertThat(eu.notice().handling().code()).isEqualTo(HandlingCode.H1);
        assertThat(policy.apply(TestSupport.sample("08-silver-labour-proceeds.xml"), US).handlingCode()).isEqualTo(HandlingCode.H2);
    }

    @Test
    void withoutLocationsEventsKeepOnlyTheirCountry() {
        PartnerProfile noLocations = Profiles.withCategories(EU, "SUSPECT_IDENTITY");
        PolicyOutcome o = policy.apply(TestSupport.sample("09-diffusion-forced-criminality-route.xml"), noLocations);
        assertThat(o.notice().events()).allSatisfy(e -> {
            assertThat(e.location().city()).isNull();
            assertThat(e.route()).isEmpty();
        });
        assertThat(o.notice().events()).extracting(e -> e.location().country()).containsExactly("RO", "FR", "CA", "CA");
        assertThat(o.removedCategories()).contains(DataCategory.LOCATIONS, DataCategory.MODUS_OPERANDI,
                DataCategory.VICTIM_IDENTITY, DataCategory.VICTIM_DEMOGRAPHICS);
        assertThat(o.notice().personsIn(ca.passage.notice.PersonRole.VICTIM)).isEmpty();
    }

    @Test
    void ageBandsCoverChildhoodFinely() {
        LocalDate asOf = LocalDate.of(2026, 11, 29);
        assertThat(SharingPolicy.ageBand(LocalDate.of(2024, 1, 1), asOf)).isEqualTo("0-5");
        assertThat(SharingPolicy.ageBand(LocalDate.of(2014, 11, 29), asOf)).isEqualTo("12-14");
        assertThat(SharingPolicy.ageBand(LocalDate.of(2008, 11, 30), asOf)).isEqualTo("15-17");
        assertThat(SharingPolicy.ageBand(LocalDate.of(2008, 11, 29), asOf)).isEqualTo("18-24");
        assertThat(SharingPolicy.ageBand(LocalDate.of(1950, 1, 1), asOf)).isEqualTo("65+");
    }

    @Test
    void codeListsAreLoadedOnceAndCoverIso() {
        CodeLists lists = CodeLists.standard();
        assertThat(CodeLists.standard()).isSameAs(lists);
        assertThat(lists.table("countries").rows()).hasSizeGreaterThanOrEqualTo(249);
        assertThat(lists.toPartner("countries", "us-niem", "CA")).contains("CAN");
        assertThat(lists.toPartner("languages", "interpol-notice", "fr")).contains("FRE");
        assertThat(lists.toPartner("languages", "us-niem", "fr")).contains("fra");
        assertThat(lists.toPartner("exploitation-types", "us-niem", "ORGAN_REMOVAL")).isEmpty();
        assertThat(lists.toCanadian("eye-colours", "us-niem", "BLK")).contains("black");
    }

    @Test
    void whereOnwardTransferIsNotAllowedTheCodeIsAtLeastH2AndTheRestrictionSaysSo() {
        CaseNotice h0 = TestSupport.sample("02-red-labour-suspect.xml");
        PolicyOutcome hub = policy.apply(h0, INTERPOL);
        assertThat(hub.handlingCode()).isEqualTo(HandlingCode.H2);
        assertThat(hub.notice().handling().restriction())
                .contains("H2: not to be passed on to a third party without the permission of Canada (agreement "
                        + "CA-IP-NCB-2019-07: onward transfer only with Canada's consent)")
                .contains("Retain no longer than 5 years (agreement CA-IP-NCB-2019-07).")
                .doesNotContain("H1:");
    }

    @Test
    void h1AndH2AreSeparateRestrictionsWhereTheyCombine() {
        CaseNotice h1 = TestSupport.sample("03-blue-labour-recruiter-locate.xml");
        assertThat(h1.handling().code()).isEqualTo(HandlingCode.H1);
        PolicyOutcome us = policy.apply(h1, US);
        assertThat(us.handlingCode()).isEqualTo(HandlingCode.H2);
        assertThat(us.notice().handling().restriction()).startsWith(
                "H1: not to be used in judicial proceedings without the permission of Canada. H2: not to be passed on")
                .endsWith("Retain no longer than 5 years (agreement CA-US-MLAT-1985-HT-ANNEX).");
    }

    @Test
    void eachPartnerReceivesTheLegalBasisOfItsOwnAgreementAndTheDomesticAuthority() {
        CaseNotice n = TestSupport.sample("03-blue-labour-recruiter-locate.xml"); // the officer typed the hub's reference
        assertThat(n.legalBasis().agreementReference()).isEqualTo("CA-IP-NCB-2019-07");
        PolicyOutcome us = policy.apply(n, US);
        assertThat(us.notice().legalBasis().agreementReference()).isEqualTo("CA-US-MLAT-1985-HT-ANNEX");
        assertThat(us.notice().legalBasis().instrument())
                .isEqualTo(US.agreement().legalBasis() + "; disclosed under Privacy Act s. 8(2)(f)");
        CaseNotice provincial = TestSupport.sample("02-red-labour-suspect.xml"); // OPP-HTU originates it
        assertThat(policy.apply(provincial, EU).notice().legalBasis().instrument())
                .isEqualTo(EU.agreement().legalBasis() + "; disclosed under FIPPA (Ontario) s. 42(1)");
    }
}
