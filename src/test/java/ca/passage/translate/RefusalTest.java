package ca.passage.translate;

import ca.passage.notice.CaseNotice;
import ca.passage.notice.HandlingCode;
import ca.passage.notice.NoticeParser;
import ca.passage.partner.OnwardTransferCheck;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.SharingPolicy;
import ca.passage.partner.SharingPolicyException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each colour's missing content, unmapped codes, handling codes above the maximum, H2 onward transfer. */
class RefusalTest {

    private static final PartnerProfile INTERPOL = TestSupport.PARTNERS.get("interpol-hub");
    private static final PartnerProfile EU = TestSupport.PARTNERS.get("eu-agency");
    private static final PartnerProfile US = TestSupport.PARTNERS.get("us-hsi");
    private final PartnerTranslator interpol = TestSupport.REGISTRY.forFormat("interpol-notice");

    /** A sample edited as text, then read without the business rules (which would refuse some of these first). */
    private static CaseNotice edited(String sample, UnaryOperator<String> edit) throws Exception {
        String xml = edit.apply(Files.readString(Path.of("samples/notices", sample), StandardCharsets.UTF_8));
        return TestSupport.PARSER.readStored(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void redWithoutWarrantIsRefused() throws Exception {
        CaseNotice n = edited("02-red-labour-suspect.xml", s -> s.replaceAll("<warrant>.*</warrant>", ""));
        assertThatThrownBy(() -> interpol.toPartner(n, INTERPOL))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("partner interpol-hub")
                .hasMessageContaining("CA-2026-000102")
                .hasMessageContaining("RED notice needs a wanted person with an arrest warrant");
    }

    @Test
    void intakesCheckRefusesWhatTranslationRefusesWithTheSameMessage() throws Exception {
        CaseNotice noWarrant = edited("02-red-labour-suspect.xml", s -> s.replaceAll("<warrant>.*</warrant>", ""));
        assertThatThrownBy(() -> interpol.check(noWarrant, INTERPOL))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("RED notice needs a wanted person with an arrest warrant");
        CaseNotice n = TestSupport.sample("02-red-labour-suspect.xml");
        PartnerProfile noSuspects = Profiles.withCategories(INTERPOL, "VICTIM_DEMOGRAPHICS", "MODUS_OPERANDI");
        assertThatThrownBy(() -> interpol.check(n, noSuspects))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("RED notice needs a wanted person");
    }

    @Test
    void intakesCheckGivesThePolicysApprovalReasonForEverySampleAndRecipient() {
        SharingPolicy policy = new SharingPolicy();
        for (Path sample : TestSupport.samples()) {
            CaseNotice n = TestSupport.sample(sample);
            for (String recipient : n.recipients()) {
                PartnerProfile p = TestSupport.PARTNERS.get(recipient);
                assertThat(TestSupport.translatorFor(p).check(n, p).approvalReason()).as(sample + " -> " + recipient)
                        .isEqualTo(policy.apply(n, p).approvalReason());
            }
        }
    }

    @Test
    void redWhoseWantedPersonThePolicyRemovesIsRefused() {
        CaseNotice n = TestSupport.sample("02-red-labour-suspect.xml");
        PartnerProfile noSuspects = Profiles.withCategories(INTERPOL, "VICTIM_DEMOGRAPHICS", "MODUS_OPERANDI");
        assertThatThrownBy(() -> interpol.toPartner(n, noSuspects))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("RED notice needs a wanted person");
    }

    @Test
    void yellowWithoutMissingPersonIsRefused() throws Exception {
        CaseNotice n = edited("01-yellow-missing-minor-sexual.xml", s -> s.replace("<missingSince>2026-11-17</missingSince>", ""));
        assertThatThrownBy(() -> interpol.toPartner(n, INTERPOL))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("YELLOW notice needs a missing person");
    }

    @Test
    void purpleCarryingAPersonsIdentityIsRefused() throws Exception {
        CaseNotice n = edited("07-purple-massage-parlour-rotation.xml", s -> s.replace("<recipient>",
                "<person personId=\"S9\"><role>SUSPECT</role><familyName>Example</familyName><sex>MALE</sex>"
                        + "<minor>false</minor></person><recipient>"));
        assertThatThrownBy(() -> interpol.toPartner(n, INTERPOL))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("PURPLE notice describes a modus operandi and must not carry any person's identity")
                .hasMessageContaining("person S9");
    }

    @Test
    void purpleWhoseModusOperandiThePolicyRemovesIsRefused() {
        CaseNotice n = TestSupport.sample("07-purple-massage-parlour-rotation.xml");
        PartnerProfile noMo = Profiles.withCategories(INTERPOL, "SUSPECT_IDENTITY", "LOCATIONS");
        assertThatThrownBy(() -> interpol.toPartner(n, noMo))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("PURPLE notice needs a modus operandi");
    }

    @Test
    void silverWithoutAssetsIsRefused() {
        CaseNotice n = TestSupport.sample("08-silver-labour-proceeds.xml");
        PartnerProfile noFinance = Profiles.withCategories(INTERPOL, "SUSPECT_IDENTITY");
        assertThatThrownBy(() -> interpol.toPartner(n, noFinance))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("SILVER notice needs at least one asset");
    }

    @Test
    void bluePersonNoticeWithNobodyLeftIsRefused() {
        CaseNotice n = TestSupport.sample("03-blue-labour-recruiter-locate.xml");
        PartnerProfile nobody = Profiles.withCategories(INTERPOL, "MODUS_OPERANDI");
        assertThatThrownBy(() -> interpol.toPartner(n, nobody))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("BLUE notice is about a person");
    }

    @Test
    void unmappedExploitationTypeNamesValueAndPartner() {
        CaseNotice n = TestSupport.sample("13-red-organ-removal.xml");
        assertThatThrownBy(() -> TestSupport.REGISTRY.forFormat("us-niem").toPartner(n, US))
                .isInstanceOf(TranslationException.class)
                .hasMessage("partner us-hsi: value 'ORGAN_REMOVAL' has no us-niem code in code list exploitation-types");
    }

    @Test
    void countryOutsideIso3166NamesValueAndPartner() throws Exception {
        CaseNotice n = edited("02-red-labour-suspect.xml", s -> s.replace("<nationality>MX</nationality>",
                "<nationality>XK</nationality>"));
        for (String format : TestSupport.REGISTRY.formats()) {
            if (format.equals("ca-native")) {
                continue; // the Canadian format carries the notice's own codes
            }
            assertThatThrownBy(() -> TestSupport.REGISTRY.forFormat(format).toPartner(n, EU))
                    .as(format)
                    .isInstanceOf(TranslationException.class)
                    .hasMessageContaining("partner eu-agency")
                    .hasMessageContaining("'XK'")
                    .hasMessageContaining("code list countries");
        }
    }

    @Test
    void unmappedEyeColourForTheUsNamesValueAndPartner() throws Exception {
        CaseNotice n = edited("02-red-labour-suspect.xml", s -> s.replace("<eyeColour>brown</eyeColour>",
                "<eyeColour>amber</eyeColour>"));
        PartnerProfile withBiometrics = Profiles.withCategories(US, "SUSPECT_IDENTITY", "BIOMETRIC_REFERENCES");
        assertThatThrownBy(() -> TestSupport.REGISTRY.forFormat("us-niem").toPartner(n, withBiometrics))
                .hasMessage("partner us-hsi: value 'amber' has no us-niem code in code list eye-colours");
    }

    @Test
    void unknownPartnerCodeInboundNamesCodeAndPartner() throws Exception {
        CaseNotice n = TestSupport.sample("02-red-labour-suspect.xml");
        byte[] xml = interpol.toPartner(n, INTERPOL).xml();
        String tampered = new String(xml, StandardCharsets.UTF_8).replace("<charge_id>TIP</charge_id>", "<charge_id>XYZ-99</charge_id>");
        assertThatThrownBy(() -> interpol.fromPartner(TestSupport.element(tampered.getBytes(StandardCharsets.UTF_8)), INTERPOL))
                .isInstanceOf(TranslationException.class)
                .hasMessage("partner interpol-hub: code 'XYZ-99' of code list offences (interpol-notice) has no Canadian equivalent");
    }

    @Test
    void inboundPayloadThatBreaksTheSchemaIsRefusedWithPaths() throws Exception {
        byte[] xml = interpol.toPartner(TestSupport.sample("02-red-labour-suspect.xml"), INTERPOL).xml();
        String broken = new String(xml, StandardCharsets.UTF_8).replace("<urgency>immediate</urgency>", "<urgency>soon</urgency>");
        assertThatThrownBy(() -> interpol.fromPartner(TestSupport.element(broken.getBytes(StandardCharsets.UTF_8)), INTERPOL))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("does not conform to schemas/interpol-notice-1.0.xsd")
                .hasMessageContaining("/notice/urgency");
    }

    @Test
    void handlingCodeAboveThePartnersMaximumIsRefused() {
        CaseNotice h3 = TestSupport.sample("11-blue-forced-marriage-restricted.xml");
        for (PartnerProfile p : new PartnerProfile[]{INTERPOL, US}) {
            assertThatThrownBy(() -> TestSupport.translatorFor(p).toPartner(h3, p))
                    .isInstanceOf(SharingPolicyException.class)
                    .hasMessageContaining("partner " + p.id())
                    .hasMessageContaining("handling code H3, more restrictive than H2");
        }
        assertThat(TestSupport.translatorFor(EU).toPartner(h3, EU).handlingCode()).isEqualTo(HandlingCode.H3);
    }

    @Test
    void h2InboundMessageIsNeverForwardedToAThirdPartner() {
        PartnerProfile openSender = Profiles.withOnwardTransfer(EU, ca.passage.partner.OnwardTransfer.ALLOWED);
        OnwardTransferCheck.Decision d = OnwardTransferCheck.check(HandlingCode.H2, openSender, "us-hsi");
        assertThat(d.allowed()).isFalse();
        assertThat(d.reason()).contains("H2").contains("eu-agency").contains("us-hsi");
        assertThatThrownBy(() -> OnwardTransferCheck.require(HandlingCode.H2, openSender, "us-hsi"))
                .isInstanceOf(SharingPolicyException.class).hasMessageContaining("H2");
        // the same message may go back to its sender, and an H0/H1 one onward when the agreement allows it
        assertThat(OnwardTransferCheck.check(HandlingCode.H2, openSender, "eu-agency").allowed()).isTrue();
        assertThat(OnwardTransferCheck.check(HandlingCode.H1, openSender, "us-hsi").allowed()).isTrue();
        assertThat(OnwardTransferCheck.check(HandlingCode.H3, openSender, "us-hsi").allowed()).isFalse();
        // the shipped agreements restrict onward transfer (WITH_CONSENT, PROHIBITED): refused even for H0
        assertThat(OnwardTransferCheck.check(HandlingCode.H0, EU, "us-hsi").reason()).contains("WITH_CONSENT");
        assertThat(OnwardTransferCheck.check(HandlingCode.H0, US, "eu-agency").allowed()).isFalse();
    }

    @Test
    void everySampleReachesEachOfItsRecipients() {
        for (Path sample : TestSupport.samples()) {
            CaseNotice n = TestSupport.sample(sample);
            for (String recipient : n.recipients()) {
                PartnerProfile p = TestSupport.PARTNERS.get(recipient);
                assertThat(TestSupport.translatorFor(p).toPartner(n, p).xml()).as(sample + " -> " + recipient).isNotEmpty();
            }
        }
    }

    @Test
    void samplesAreParsedByTheIntakeParser() throws Exception {
        assertThat(TestSupport.samples()).hasSizeGreaterThanOrEqualTo(12);
        for (Path sample : TestSupport.samples()) {
            TestSupport.PARSER.parse(Files.readAllBytes(sample), NoticeParser.Format.XML);
        }
    }
}
