package ca.passage.translate;

import ca.passage.notice.ActionKind;
import ca.passage.notice.Asset;
import ca.passage.notice.CaseNotice;
import ca.passage.notice.ExploitationType;
import ca.passage.notice.FinancialAccount;
import ca.passage.notice.Handling;
import ca.passage.notice.HandlingCode;
import ca.passage.notice.IdentityDocument;
import ca.passage.notice.NoticeColour;
import ca.passage.notice.Offence;
import ca.passage.notice.Person;
import ca.passage.notice.PersonRole;
import ca.passage.notice.PhysicalDescription;
import ca.passage.notice.Priority;
import ca.passage.notice.RequestedAction;
import ca.passage.notice.Sex;
import ca.passage.notice.SocialMediaHandle;
import ca.passage.notice.Vehicle;
import ca.passage.notice.Warrant;
import ca.passage.partner.DataCategory;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PolicyOutcome;
import ca.passage.partner.SharingAgreement;
import ca.passage.partner.SharingPolicy;
import ca.passage.testing.RandomNotices;
import ca.passage.xml.SecureXml;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Screening property: identifiers of the notice's persons (names in either order, upper case, without accents, as
 * initials; dates of birth written out; phones in local and international forms; e-mails, handles, documents,
 * accounts, registrations) are planted at random positions in every free-text field of random notices. For every
 * shipped partner and a random agreement in every format, none of the identifiers the agreement excludes is found
 * in the partner XML after folding case and accents. Planted unattributable numbers and ages under 18 hold the
 * notice, and the hold carries its reason. The oracle (which categories exclude what) is the policy table in
 * docs/sharing-policy.md, written here independently of the screener's code.
 */
class FreeTextScreeningPropertyTest {

    private static final int NOTICES = 120;
    private static final String[] SYLLABLES = {"lo", "ma", "ré", "zu", "ñe", "kö", "bra", "vi", "sø", "tą", "ür", "ji",
            "çe", "dam", "qui", "xe", "fő", "gri", "hü", "wen"};
    private static final String[] FILLER = {"the", "network", "moved", "workers", "through", "several", "cities",
            "contact", "was", "seen", "with", "and", "near", "station", "after", "debts"};
    private static final String[] COUNTRIES = {"CA", "US", "MX", "FR", "RO", "PH", "UA", "DE"};

    private final RandomNotices random = new RandomNotices(20261204L);
    private final SharingPolicy policy = new SharingPolicy();
    private final Set<String> usedNames = new HashSet<>();
    private int translated;
    private int held;

    private record Planted(Person person, List<String> nameWords, List<String> dateForms, String phoneDigits,
                           String email, String handle, List<String> numbers) {
    }

    private record Generated(CaseNotice notice, List<Planted> persons, boolean unknownPhone, boolean minorAge) {
    }

    @Test
    void noExcludedIdentifierPlantedInFreeTextReachesAnyPartnerPayload() throws Exception {
        for (int i = 0; i < NOTICES; i++) {
            Generated g = notice(i);
            for (TestSupport.Target t : TestSupport.targets(random)) {
                check(g, t.partner(), t.format());
            }
        }
        assertThat(translated).as("translations checked").isGreaterThan(NOTICES * 4);
        assertThat(held).as("held notices checked for their reason").isGreaterThan(NOTICES / 4);
    }

    private void check(Generated g, PartnerProfile partner, String format) throws Exception {
        PolicyOutcome outcome = policy.apply(g.notice, partner);
        if (g.unknownPhone) {
            held++;
            assertThat(outcome.approvalReason()).contains("phone-shaped number that belongs to no person of the notice");
        }
        if (g.minorAge) {
            held++;
            assertThat(outcome.approvalReason()).contains("mentions an age under 18");
        }
        byte[] xml;
        try {
            xml = TestSupport.REGISTRY.forFormat(format).toPartner(g.notice, partner).xml();
        } catch (TranslationException colourRuleRefusal) {
            return;
        }
        translated++;
        List<String> texts = RandomNotices.texts(SecureXml.parse(xml).getDocumentElement());
        List<String> folded = texts.stream().map(FreeTextScreeningPropertyTest::fold).toList();
        List<String> digits = texts.stream().map(t -> t.replaceAll("\\D", "")).toList();
        List<String> alnum = folded.stream().map(t -> t.replaceAll("[^a-z0-9]", "")).toList();
        SharingAgreement a = partner.agreement();
        for (Planted p : g.persons) {
            DataCategory identity = RandomNotices.identityOf(p.person.role());
            boolean idAllowed = a.allows(identity);
            String where = p.person.personId() + " " + p.person.role() + " in " + format + " for " + a.allowedCategories();
            if (!idAllowed) {
                for (String w : p.nameWords) {
                    assertThat(folded).as("name word %s of %s", w, where).noneMatch(t -> containsWord(t, w));
                }
                for (String d : p.dateForms) {
                    assertThat(folded).as("date of birth %s of %s", d, where).noneMatch(t -> t.contains(d));
                }
            }
            if (!(idAllowed && a.allows(DataCategory.CONTACT_DATA))) {
                String local = p.phoneDigits.substring(p.phoneDigits.length() - 7);
                assertThat(digits).as("phone of %s", where).noneMatch(t -> t.contains(local));
                assertThat(folded).as("e-mail of %s", where).noneMatch(t -> t.contains(p.email));
                assertThat(folded).as("handle of %s", where).noneMatch(t -> containsWord(t, p.handle));
            }
            if (!(idAllowed && a.allows(DataCategory.TRAVEL_DOCUMENTS))) {
                assertThat(alnum).as("document of %s", where).noneMatch(t -> t.contains(p.numbers.get(0)));
            }
            if (!(idAllowed && a.allows(DataCategory.FINANCIAL_DATA))) {
                assertThat(alnum).as("account of %s", where).noneMatch(t -> t.contains(p.numbers.get(1)));
            }
            if (!(idAllowed && a.allows(DataCategory.VEHICLES))) {
                assertThat(alnum).as("registration of %s", where).noneMatch(t -> t.contains(p.numbers.get(2)));
            }
        }
    }

    private static boolean containsWord(String text, String word) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])").matcher(text).find();
    }

    static String fold(String s) {
        return Normalizer.normalize(s.replace("ø", "o").replace("Ø", "o").replace("ß", "ss"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    // ---- generators

    private String name() {
        while (true) {
            StringBuilder b = new StringBuilder();
            for (int i = 2 + random.nextInt(2); i > 0; i--) {
                b.append(random.pick(SYLLABLES));
            }
            String n = Character.toUpperCase(b.charAt(0)) + b.substring(1);
            if (usedNames.add(fold(n))) {
                return n;
            }
        }
    }

    private Planted person(String id, PersonRole role, LocalDate asOf) {
        String family = name() + (random.chance(20) ? " " + name() : "");
        String given = name() + (random.chance(30) ? " " + name() : "");
        List<String> aliases = random.chance(30) ? List.of(name()) : List.of();
        LocalDate dob = LocalDate.of(1960 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28));
        boolean minor = Period.between(dob, asOf).getYears() < 18;
        String area = String.valueOf(2 + random.nextInt(8)) + random.digits(2);
        String phone = "+1" + area + (2 + random.nextInt(8)) + random.digits(6);
        String email = (name() + "." + random.digits(3)).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9.]", "x") + "@mail" + random.digits(2) + ".example.com";
        String handle = fold(name()).replaceAll("[^a-z]", "") + "_" + random.digits(3);
        String document = random.letters(2) + random.digits(7);
        String account = "DE" + random.digits(2) + random.digits(16);
        String registration = random.letters(3) + random.digits(4);
        Warrant warrant = role == PersonRole.SUSPECT && random.chance(40)
                ? new Warrant("W-" + random.digits(6), "Ontario Court of Justice", "CA", LocalDate.of(2026, 1, 5), "placeholder", null)
                : null;
        Person p = new Person(id, role, family, given, aliases, dob, null, random.pick(Sex.values()), List.of(random.pick(COUNTRIES)),
                null, List.of(), random.chance(50) ? new PhysicalDescription(170, 70, "brown", "black", "placeholder") : null,
                minor, null, null, null, List.of(new IdentityDocument("PASSPORT", document, random.pick(COUNTRIES), null)),
                List.of(phone), List.of(email), List.of(new SocialMediaHandle("Instagram", handle)), List.of(),
                List.of(new Vehicle("Ford", "Transit", "white", registration, "CA")),
                List.of(new FinancialAccount("Example Bank", account, "DE", "EUR")), warrant);
        List<String> nameWords = new ArrayList<>();
        for (String part : (family + " " + given + " " + String.join(" ", aliases)).split(" ")) {
            nameWords.add(fold(part));
        }
        List<String> dateForms = List.of(dob.toString(), fold(dob.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH))),
                dob.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), fold(dob.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH))));
        return new Planted(p, nameWords, dateForms, phone.replaceAll("\\D", ""), email, handle,
                List.of(fold(document), fold(account), fold(registration)));
    }

    /** One identifier of the person, in a random written form. */
    private String mention(Planted p) {
        Person x = p.person;
        String[] given = x.givenNames().split(" ");
        String national = p.phoneDigits.substring(1);
        return switch (random.nextInt(17)) {
            case 0 -> x.givenNames() + " " + x.familyName();
            case 1 -> x.familyName().toUpperCase(Locale.ROOT) + ", " + x.givenNames();
            case 2 -> fold(x.givenNames() + " " + x.familyName());
            case 3 -> given[0].charAt(0) + ". " + x.familyName();
            case 4 -> x.aliases().isEmpty() ? x.familyName() : x.aliases().get(0);
            case 5 -> x.dateOfBirth().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
            case 6 -> x.dateOfBirth().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            case 7 -> x.dateOfBirth().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH));
            case 8 -> "(" + national.substring(0, 3) + ") " + national.substring(3, 6) + "-" + national.substring(6);
            case 9 -> "+1 " + national.substring(0, 3) + " " + national.substring(3, 6) + " " + national.substring(6);
            case 10 -> x.emails().get(0).toUpperCase(Locale.ROOT);
            case 11 -> "@" + p.handle;
            case 12 -> x.documents().get(0).number().substring(0, 2) + " " + x.documents().get(0).number().substring(2);
            case 13 -> x.financialAccounts().get(0).accountNumber();
            case 14 -> x.vehicles().get(0).registration().substring(0, 3) + "-" + x.vehicles().get(0).registration().substring(3);
            case 15 -> x.dateOfBirth().toString();
            default -> given[given.length - 1];
        };
    }

    private String text(List<Planted> persons, int words, int mentions) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            parts.add(random.pick(FILLER));
        }
        for (int i = 0; i < mentions; i++) {
            parts.add(random.nextInt(parts.size() + 1), mention(persons.get(random.nextInt(persons.size()))));
        }
        return String.join(" ", parts);
    }

    private Generated notice(int index) {
        OffsetDateTime created = random.createdIn2026();
        List<Planted> planted = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            planted.add(person("P" + (i + 1), random.pick(PersonRole.values()), created.toLocalDate()));
        }
        boolean unknownPhone = random.chance(20);
        boolean minorAge = random.chance(20);
        String summary = text(planted, 12, 3) + (unknownPhone ? " call +44 20 " + random.digits(4) + " " + random.digits(4) : "")
                + (minorAge ? " a " + (10 + random.nextInt(8)) + "-year-old" : "");
        List<Person> persons = new ArrayList<>();
        for (Planted p : planted) {
            Person x = p.person;
            PhysicalDescription d = x.physicalDescription() == null ? null : new PhysicalDescription(170, 70, "brown",
                    "black", text(planted, 4, 2));
            Warrant w = x.warrant() == null ? null : new Warrant(x.warrant().reference(), x.warrant().issuingAuthority(),
                    "CA", x.warrant().issuedOn(), text(planted, 3, 1), text(planted, 3, 1));
            persons.add(new Person(x.personId(), x.role(), x.familyName(), x.givenNames(), x.aliases(), x.dateOfBirth(),
                    null, x.sex(), x.nationalities(), null, List.of(), d, x.minor(), null, null, null, x.documents(),
                    x.phones(), x.emails(), x.socialMedia(), x.organisations(), x.vehicles(), x.financialAccounts(), w));
        }
        List<Asset> assets = random.chance(50) ? List.of(new Asset("account balance", text(planted, 5, 2),
                BigDecimal.valueOf(1000 + random.nextInt(90000)), "CAD", "CA")) : List.of();
        RequestedAction action = random.chance(20)
                ? new RequestedAction(ActionKind.DIFFUSION, null, List.of(random.pick(COUNTRIES)))
                : new RequestedAction(ActionKind.NOTICE, random.pick(new NoticeColour[]{NoticeColour.BLUE, NoticeColour.GREEN,
                NoticeColour.ORANGE, NoticeColour.BLACK}), List.of());
        Offence offence = new Offence(List.of("CC-279.01"), List.of(ExploitationType.LABOUR), List.of("THREATS"),
                text(planted, 10, 3), List.of(text(planted, 2, 1)), text(planted, 10, 3),
                List.of(text(planted, 3, 1), text(planted, 3, 1)));
        CaseNotice n = RandomNotices.notice("1.1", "SCREEN-" + index, action, random.pick(Priority.values()),
                new Handling(random.pick(new HandlingCode[]{HandlingCode.H0, HandlingCode.H1, HandlingCode.H2}), text(planted, 5, 1)),
                created, "en", text(planted, 6, 1), summary, offence, List.of(), persons, assets);
        return new Generated(n, planted, unknownPhone, minorAge);
    }

}
