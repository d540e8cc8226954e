package ca.passage.notice;

import ca.passage.xml.Violation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class NoticeParserTest {

    private static final Set<String> PARTNERS = Set.of("interpol-hub", "eu-agency", "us-hsi");
    private final NoticeParser parser = new NoticeParser(
            new NoticeRules(id -> PARTNERS.contains(id) ? null : "unknown partner " + id),
            256 * 1024, Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC));

    private static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(Path.of("samples/notices", name));
    }

    @Test
    void readsEveryFieldOfAYellowNotice() throws Exception {
        CaseNotice n = parser.parse(sample("01-yellow-missing-minor-sexual.xml"), NoticeParser.Format.XML);
        assertThat(n.noticeId()).isEqualTo("CA-2026-000101");
        assertThat(n.requestedAction().colour()).isEqualTo(NoticeColour.YELLOW);
        assertThat(n.persons()).hasSize(2);
        Person victim = n.personsIn(PersonRole.VICTIM).get(0);
        assertThat(victim.givenNames()).isEqualTo("Amélie");
        assertThat(victim.languages()).containsExactly("en", "fr");
        assertThat(victim.minor()).isTrue();
        assertThat(n.hasMinorVictim()).isTrue();
        assertThat(n.events().get(1).route()).containsExactly("CA", "US");
        assertThat(n.personsIn(PersonRole.SUSPECT).get(0).socialMedia().get(0).handle()).isEqualTo("jaymoney204");
        assertThat(n.recipients()).containsExactly("interpol-hub", "us-hsi");
    }

    @Test
    void storedFormRoundTripsAndStillValidates() throws Exception {
        CaseNotice n = parser.parse(sample("02-red-labour-suspect.xml"), NoticeParser.Format.XML);
        byte[] stored = parser.toXml(n);
        CaseNotice again = parser.parse(stored, NoticeParser.Format.XML);
        assertThat(again).isEqualTo(n);
    }

    @Test
    void jsonIntakeMapsToTheSameModel() throws Exception {
        CaseNotice fromXml = parser.parse(sample("02-red-labour-suspect.xml"), NoticeParser.Format.XML);
        byte[] json = NoticeMappers.json().writeValueAsBytes(fromXml);
        assertThat(parser.parse(json, NoticeParser.Format.JSON)).isEqualTo(fromXml);
    }

    @Test
    void aVictimCentredNoticeReadsFromXmlAndJsonAlike() throws Exception {
        CaseNotice n = parser.parse(sample("14-blue-labour-victim-centred.xml"), NoticeParser.Format.XML);
        VictimCare care = n.personsIn(PersonRole.VICTIM).get(0).victimCare();
        assertThat(care.consentToShare().given()).isTrue();
        assertThat(care.consentToShare().scope()).containsExactly(VictimCare.ConsentScope.LAW_ENFORCEMENT,
                VictimCare.ConsentScope.VICTIM_SERVICES);
        assertThat(care.safetyCaveat()).startsWith("Relocated under a safety plan");
        assertThat(care.selfIdentified()).isTrue();
        assertThat(care.referrals()).hasSize(5).contains(VictimCare.Referral.T_VISA, VictimCare.Referral.REFLECTION_PERIOD);
        assertThat(care.nonPunishment()).isTrue();
        byte[] json = NoticeMappers.json().writeValueAsBytes(n);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"victimCare\"", "\"CONTINUED_PRESENCE\"");
        assertThat(parser.parse(json, NoticeParser.Format.JSON)).isEqualTo(n);
    }

    @Test
    void victimCareInA10NoticeOrOnAnotherRoleIsRefusedNamingThePath() throws Exception {
        String xml = new String(sample("14-blue-labour-victim-centred.xml"), StandardCharsets.UTF_8);
        InvalidNoticeException old = catchThrowableOfType(() -> parser.parse(xml.replace("schemaVersion=\"1.1\"",
                "schemaVersion=\"1.0\"").getBytes(StandardCharsets.UTF_8), NoticeParser.Format.XML), InvalidNoticeException.class);
        assertThat(old.violations()).extracting(Violation::path).containsExactly("/CaseNotice/person[1]/victimCare");
        assertThat(old.violations().get(0).message()).contains("schemaVersion 1.1");
        InvalidNoticeException suspect = catchThrowableOfType(() -> parser.parse(xml.replace("<role>VICTIM</role>",
                "<role>WITNESS</role>").getBytes(StandardCharsets.UTF_8), NoticeParser.Format.XML), InvalidNoticeException.class);
        assertThat(suspect.violations()).extracting(Violation::path).contains("/CaseNotice/person[1]/victimCare");
        InvalidNoticeException unknownReferral = catchThrowableOfType(() -> parser.parse(xml.replace(
                "<referral>T_VISA</referral>", "<referral>GREEN_CARD</referral>").getBytes(StandardCharsets.UTF_8),
                NoticeParser.Format.XML), InvalidNoticeException.class);
        assertThat(unknownReferral.violations()).extracting(Violation::path).allMatch(p -> p.contains("referral"));
    }

    @Test
    void listsEverySchemaViolationWithItsPath() throws Exception {
        String xml = new String(sample("02-red-labour-suspect.xml"), StandardCharsets.UTF_8)
                .replace("<priority>IMMEDIATE</priority>", "<priority>SOON</priority>")
                .replace("<country>MX</country><city>Puebla</city></location>", "<country>Mexico</country><city>Puebla</city></location>");
        InvalidNoticeException e = catchThrowableOfType(InvalidNoticeException.class,
                () -> parser.parse(xml.getBytes(StandardCharsets.UTF_8), NoticeParser.Format.XML));
        assertThat(e.violations()).extracting(Violation::path)
                .contains("/CaseNotice/priority", "/CaseNotice/event/location/country");
    }

    @Test
    void redNoticeWithoutWarrantIsRefused() throws Exception {
        String xml = new String(sample("02-red-labour-suspect.xml"), StandardCharsets.UTF_8)
                .replaceAll("<warrant>.*</warrant>", "");
        assertThatThrownBy(() -> parser.parse(xml.getBytes(StandardCharsets.UTF_8), NoticeParser.Format.XML))
                .isInstanceOf(InvalidNoticeException.class)
                .hasMessageContaining("RED notice needs a SUSPECT with an arrest warrant");
    }

    @Test
    void yellowNoticeWithoutMissingPersonIsRefused() throws Exception {
        String xml = new String(sample("01-yellow-missing-minor-sexual.xml"), StandardCharsets.UTF_8)
                .replace("<missingSince>2026-11-17</missingSince>", "");
        assertThatThrownBy(() -> parser.parse(xml.getBytes(StandardCharsets.UTF_8), NoticeParser.Format.XML))
                .hasMessageContaining("YELLOW notice needs a missing person");
    }

    @Test
    void unknownRecipientIsNamed() throws Exception {
        String xml = new String(sample("02-red-labour-suspect.xml"), StandardCharsets.UTF_8)
                .replace("<recipient>us-hsi</recipient>", "<recipient>atlantis-police</recipient>");
        InvalidNoticeException e = catchThrowableOfType(InvalidNoticeException.class,
                () -> parser.parse(xml.getBytes(StandardCharsets.UTF_8), NoticeParser.Format.XML));
        assertThat(e.violations()).containsExactly(
                new Violation("/CaseNotice/recipient[3]", "unknown partner atlantis-police"));
    }

    @Test
    void externalEntityIsRefusedBeforeAnythingIsRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE n [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<cn:CaseNotice xmlns:cn=\"urn:ca:passage:notice:1\" schemaVersion=\"1.0\"><noticeId>&x;</noticeId></cn:CaseNotice>";
        assertThatThrownBy(() -> parser.parse(xxe.getBytes(StandardCharsets.UTF_8), NoticeParser.Format.XML))
                .isInstanceOf(InvalidNoticeException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]><lolz>&lol9;</lolz>");
        assertThatThrownBy(() -> parser.parse(dtd.toString().getBytes(StandardCharsets.UTF_8), NoticeParser.Format.XML))
                .isInstanceOf(InvalidNoticeException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void noticeOverTheSizeLimitIsRefusedWithTheLimit() {
        byte[] big = new byte[256 * 1024 + 1];
        assertThatThrownBy(() -> parser.parse(big, NoticeParser.Format.XML))
                .hasMessageContaining("the limit is 262144");
    }

    @Test
    void malformedJsonNamesTheField() {
        String json = "{\"noticeId\":\"CA-1\",\"version\":\"one\"}";
        InvalidNoticeException e = catchThrowableOfType(InvalidNoticeException.class,
                () -> parser.parse(json.getBytes(StandardCharsets.UTF_8), NoticeParser.Format.JSON));
        assertThat(e.violations().get(0).path()).isEqualTo("$.version");
    }
}
