package ca.passage.translate;



import ca.passage.notice.ActionKind;
import ca.passage.notice.Asset;
import ca.passage.notice.CaseNotice;
import ca.passage.notice.ExploitationType;
import ca.passage.notice.FinancialAccount;
import ca.passage.notice.Handling;
import ca.passage.notice.HandlingCode;
import ca.passage.notice.IdentityDocument;
import ca.passage.notice.Location;
import ca.passage.notice.NoticeColour;
import ca.passage.notice.Offence;
import ca.passage.notice.Organisation;
import ca.passage.notice.Person;
import ca.passage.notice.PersonRole;
import ca.passage.notice.PhysicalDescription;
import ca.passage.notice.Priority;
import ca.passage.notice.RequestedAction;
import ca.passage.notice.Sex;
import ca.passage.notice.SocialMediaHandle;
import ca.passage.notice.TraffickingEvent;
import ca.passage.notice.Vehicle;
import ca.passage.notice.Warrant;
import ca.passage.partner.DataCategory;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.SharingAgreement;
import ca.passage.partner.VictimField;
import ca.passage.notice.VictimCare;
import ca.passage.testing.RandomNotices;
import ca.passage.xml.SecureXml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Policy property: for many generated notices (random persons, roles, attached data) and every shipped partner
 * profile plus a random agreement in every format, no value of a category the agreement does not allow appears in
 * the produced XML, and every value of an allowed category does. Checked on the XML's text and attribute nodes;
 * every generated personal value is a distinctive token, so a leak cannot hide behind a common word. The oracle
 * below is written from the policy table in docs/sharing-policy.md, independently of SharingPolicy's code.
 */
class SharingPolicyPropertyTest {

    private static final int NOTICES = 300;
    private static final String[] COUNTRIES = {"CA", "US", "MX", "FR", "RO", "PH", "UA", "VE", "DE", "NG", "VN", "IN"};
    private static final String[] LANGUAGES = {"en", "fr", "es", "ro", "tl", "uk", "vi", "hi"};
    private static final String[] EYES = {"brown", "blue", "green", "grey", "hazel", "black"};
    private static final String[] HAIR = {"black", "brown", "blond", "red", "grey", "white", "bald"};
    private static final String[] METHODS = {"DEBT_BONDAGE", "THREATS", "ISOLATION", "VIOLENCE", "CONFINEMENT"};
    private static final String[] EVENTS = {"RECRUITMENT", "TRANSPORT", "EXPLOITATION", "HARBOURING", "RESCUE"};
    private static final String[] SECTIONS = {"CC-279.01", "CC-279.011", "CC-279.02", "CC-279.03", "IRPA-118"};

    private final RandomNotices random = new RandomNotices(20261129L);
    private int translated;
    private int refused;
    private int plantedReferrals;

    @Test
    void noDisallowedValueEverAppearsInPartnerXml() throws Exception {
        for (int i = 0; i < NOTICES; i++) {
            Generated g = notice(i);
            for (TestSupport.Target t : TestSupport.targets(random)) {
                check(g, t.partner(), t.format());
            }
        }
        assertThat(translated).as("translations checked").isGreaterThan(NOTICES * 5);
        assertThat(refused).as("colour refusals stay a minority").isLessThan(translated / 4);
        assertThat(plantedReferrals).as("referrals that an agreement named and that left").isGreaterThan(NOTICES / 2);
    }

    private void check(Generated g, PartnerProfile partner, String format) throws Exception {
        byte[] xml;
        try {
            xml = TestSupport.REGISTRY.forFormat(format).toPartner(g.notice, partner).xml();
        } catch (TranslationException colourRuleRefusal) {
            refused++;
            return;
        }
        translated++;
        List<String> texts = RandomNotices.texts(SecureXml.parse(xml).getDocumentElement());
        SharingAgreement a = partner.agreement();
        for (Token t : g.tokens) {
            boolean allowed = t.allowedBy(a);
            boolean present = texts.stream().anyMatch(s -> s.contains(t.value));
            assertThat(present)
                    .as("%s value of %s (%s) in %s for agreement %s: allowed=%s", t.what, t.personRole, t.value,
                            format, a.allowedCategories(), allowed)
                    .isEqualTo(allowed);
        }
        checkVictimFields(g.notice, a, SecureXml.parse(xml), format);
    }

    /**
     * Referrals and self-identification planted in victims' victim-care fields: each leaves exactly when the victim
     * leaves (identity or demographics allowed) and the agreement names that field, in every format.
     */
    private void checkVictimFields(CaseNotice notice, SharingAgreement a, Document doc, String format) {
        boolean victimsLeave = a.allows(DataCategory.VICTIM_IDENTITY) || a.allows(DataCategory.VICTIM_DEMOGRAPHICS);
        Set<String> expectedReferrals = new TreeSet<>();
        boolean expectedSelfIdentified = false;
        for (Person p : notice.personsIn(PersonRole.VICTIM)) {
            if (p.victimCare() == null || !victimsLeave) {
                continue;
            }
            p.victimCare().referrals().stream().filter(r -> a.names(VictimField.of(r)))
                    .forEach(r -> expectedReferrals.add(r.name()));
            expectedSelfIdentified |= p.victimCare().selfIdentified() != null && a.names(VictimField.SELF_IDENTIFICATION);
        }
        Set<String> referrals = new TreeSet<>();
        List<Element> selfIdentified = new ArrayList<>();
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String name = e.getLocalName().replace("_", "").toLowerCase(java.util.Locale.ROOT);
            if (name.equals("referral") || name.equals("referrals")) {
                referrals.addAll(List.of(e.getTextContent().trim().split("\\s+")));
            } else if (name.equals("selfidentified")) {
                selfIdentified.add(e);
            }
        }
        assertThat(referrals).as("referrals in %s for agreement naming %s", format, a.victimFields())
                .isEqualTo(expectedReferrals);
        assertThat(!selfIdentified.isEmpty()).as("self-identification in %s for agreement naming %s", format,
                a.victimFields()).isEqualTo(expectedSelfIdentified);
        plantedReferrals += expectedReferrals.size();
    }

    // ---- the oracle: which categories a value needs

    /** One distinctive value and the categories that must all be allowed for it to leave. */
    private record Token(String value, String what, PersonRole personRole, Set<DataCategory> needs,
                         boolean victimDemographic) {
        boolean allowedBy(SharingAgreement a) {
            if (victimDemographic && a.allows(DataCategory.VICTIM_DEMOGRAPHICS)) {
                return true;
            }
            return needs.stream().allMatch(a::allows);
        }
    }

    private record Generated(CaseNotice notice, List<Token> tokens) {
    }

    // ---- generators

    private String token(String prefix) {
        StringBuilder b = new StringBuilder(prefix);
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        for (int i = 0; i < 9; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private Generated notice(int index) {
        List<Token> tokens = new ArrayList<>();
        OffsetDateTime created = random.createdIn2026();
        List<Person> persons = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            persons.add(person("P" + (i + 1), created.toLocalDate(), tokens));
        }
        Set<DataCategory> mo = EnumSet.of(DataCategory.MODUS_OPERANDI);
        String recruitment = random.chance(60) ? token("REC") : null;
        String modus = random.chance(60) ? token("MOD") : null;
        List<String> platforms = random.chance(50) ? List.of(token("PLT")) : List.of();
        List<String> concealment = random.chance(50) ? List.of(token("CON"), token("CON")) : List.of();
        addAll(tokens, recruitment == null ? List.of() : List.of(recruitment), "recruitment", null, mo);
        addAll(tokens, modus == null ? List.of() : List.of(modus), "modusOperandi", null, mo);
        addAll(tokens, platforms, "onlinePlatform", null, mo);
        addAll(tokens, concealment, "concealmentMethod", null, mo);
        List<TraffickingEvent> events = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            String city = token("CIT");
            tokens.add(new Token(city, "event city", null, EnumSet.of(DataCategory.LOCATIONS), false));
            events.add(new TraffickingEvent(random.pick(EVENTS), created.toLocalDate().minusDays(random.nextInt(300)),
                    new Location(random.pick(COUNTRIES), city), List.of()));
        }
        List<Asset> assets = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            String desc = token("AST");
            tokens.add(new Token(desc, "asset", null, EnumSet.of(DataCategory.FINANCIAL_DATA), false));
            assets.add(new Asset("real estate", desc, BigDecimal.valueOf(1000 + random.nextInt(900000)), "CAD", random.pick(COUNTRIES)));
        }
        RequestedAction action = switch (random.nextInt(6)) {
            case 0 -> new RequestedAction(ActionKind.DIFFUSION, null, List.of(random.pick(COUNTRIES), random.pick(COUNTRIES)));
            case 1 -> new RequestedAction(ActionKind.NOTICE, NoticeColour.BLACK, List.of());
            case 2 -> new RequestedAction(ActionKind.NOTICE, NoticeColour.UN_SC, List.of());
            default -> new RequestedAction(ActionKind.NOTICE, random.pick(new NoticeColour[]{NoticeColour.BLUE,
                    NoticeColour.GREEN, NoticeColour.ORANGE}), List.of());
        };
        List<ExploitationType> types = List.of(random.pick(new ExploitationType[]{ExploitationType.SEXUAL,
                ExploitationType.LABOUR, ExploitationType.FORCED_CRIMINALITY, ExploitationType.FORCED_MARRIAGE}));
        CaseNotice n = RandomNotices.notice("1.1", "PROP-" + index, action, random.pick(Priority.values()),
                new Handling(random.pick(new HandlingCode[]{HandlingCode.H0, HandlingCode.H1, HandlingCode.H2}), null),
                created, random.pick(LANGUAGES), "generated notice " + index, null,
                new Offence(List.of(random.pick(SECTIONS)), types, List.of(random.pick(METHODS)), recruitment, platforms, modus, concealment),
                events, persons, assets);
        return new Generated(n, tokens);
    }

    private Person person(String id, LocalDate asOf, List<Token> tokens) {
        PersonRole role = random.pick(PersonRole.values());
        DataCategory r = RandomNotices.identityOf(role);
        Set<DataCategory> idOnly = EnumSet.of(r);
        String family = random.chance(80) ? token("FAM") : null;
        String given = random.chance(80) ? token("GIV") : null;
        List<String> aliases = random.chance(40) ? List.of(token("ALI")) : List.of();
        LocalDate dob = random.chance(70) ? LocalDate.of(1950 + random.nextInt(58), 1 + random.nextInt(12), 1 + random.nextInt(28)) : null;
        boolean minor = dob != null && Period.between(dob, asOf).getYears() < 18 || dob == null && random.chance(10);
        String birthCity = random.chance(50) ? token("POB") : null;
        String father = random.chance(30) ? token("FAT") : null;
        String mother = random.chance(30) ? token("MOT") : null;
        add(tokens, family, "familyName", role, idOnly);
        add(tokens, given, "givenNames", role, idOnly);
        addAll(tokens, aliases, "alias", role, idOnly);
        add(tokens, dob == null ? null : dob.toString(), "dateOfBirth", role, idOnly);
        add(tokens, birthCity, "placeOfBirth", role, idOnly);
        add(tokens, father, "fatherName", role, idOnly);
        add(tokens, mother, "motherName", role, idOnly);

        PhysicalDescription description = null;
        if (random.chance(40)) {
            String marks = token("MRK");
            add(tokens, marks, "distinguishingMarks", role, EnumSet.of(r, DataCategory.BIOMETRIC_REFERENCES));
            description = new PhysicalDescription(150 + random.nextInt(50), 45 + random.nextInt(60), random.pick(EYES), random.pick(HAIR), marks);
        }
        List<IdentityDocument> docs = new ArrayList<>();
        if (random.chance(40)) {
            String number = token("DOC");
            add(tokens, number, "document", role, EnumSet.of(r, DataCategory.TRAVEL_DOCUMENTS));
            docs.add(new IdentityDocument("PASSPORT", number, random.pick(COUNTRIES), LocalDate.of(2030, 1, 1)));
        }
        Set<DataCategory> contact = EnumSet.of(r, DataCategory.CONTACT_DATA);
        List<String> phones = random.chance(40) ? List.of("+1613" + (1000000 + random.nextInt(8999999))) : List.of();
        List<String> emails = random.chance(40) ? List.of(token("em").toLowerCase() + "@example.ca") : List.of();
        List<SocialMediaHandle> social = random.chance(30) ? List.of(new SocialMediaHandle("Instagram", token("SOC"))) : List.of();
        addAll(tokens, phones, "phone", role, contact);
        addAll(tokens, emails, "email", role, contact);
        addAll(tokens, social.stream().map(SocialMediaHandle::handle).toList(), "social media", role, contact);
        List<Organisation> orgs = random.chance(30) ? List.of(new Organisation(token("ORG"), "company", random.pick(COUNTRIES))) : List.of();
        addAll(tokens, orgs.stream().map(Organisation::name).toList(), "organisation", role, EnumSet.of(r, DataCategory.ORGANISATIONS));
        List<Vehicle> vehicles = random.chance(30) ? List.of(new Vehicle("Ford", "Transit", "white", token("REG"), random.pick(COUNTRIES))) : List.of();
        addAll(tokens, vehicles.stream().map(Vehicle::registration).toList(), "vehicle", role, EnumSet.of(r, DataCategory.VEHICLES));
        List<FinancialAccount> accounts = random.chance(30) ? List.of(new FinancialAccount("Example Bank", token("ACC"), random.pick(COUNTRIES), "CAD")) : List.of();
        addAll(tokens, accounts.stream().map(FinancialAccount::accountNumber).toList(), "financialAccount", role,
                EnumSet.of(r, DataCategory.FINANCIAL_DATA));
        Warrant warrant = null;
        if (role == PersonRole.SUSPECT && random.chance(40)) {
            String ref = token("WAR");
            add(tokens, ref, "warrant", role, EnumSet.of(DataCategory.SUSPECT_IDENTITY));
            warrant = new Warrant(ref, "Ontario Court of Justice", "CA", LocalDate.of(2026, 1, 5), "Trafficking in persons", null);
        }
        List<String> languages = random.chance(50) ? List.of(random.pick(LANGUAGES)) : List.of();
        if (family == null && given == null && aliases.isEmpty() && dob == null && description == null) {
            family = token("FAM");
            add(tokens, family, "familyName", role, idOnly);
        }
        VictimCare care = null;
        if (role == PersonRole.VICTIM && random.chance(70)) {
            List<VictimCare.Referral> referrals = new ArrayList<>();
            for (VictimCare.Referral referral : VictimCare.Referral.values()) {
                if (random.chance(50)) {
                    referrals.add(referral);
                }
            }
            String caveat = random.chance(50) ? token("SAF") : null;
            Set<DataCategory> victimOnly = EnumSet.of(DataCategory.VICTIM_IDENTITY);
            if (caveat != null) {
                tokens.add(new Token(caveat, "safetyCaveat", role, victimOnly, true));
            }
            care = new VictimCare(random.chance(50) ? new VictimCare.Consent(true,
                    List.of(VictimCare.ConsentScope.LAW_ENFORCEMENT), null) : null, caveat,
                    random.chance(50) ? Boolean.valueOf(random.chance(50)) : null, referrals, random.chance(50) ? Boolean.TRUE : null);
        }
        return new Person(id, role, family, given, aliases, dob, null, random.pick(Sex.values()), List.of(random.pick(COUNTRIES)),
                birthCity == null ? null : new Location(random.pick(COUNTRIES), birthCity), languages, description, minor,
                random.chance(15) ? asOf.minusDays(3) : null, father, mother, docs, phones, emails, social, orgs, vehicles,
                accounts, warrant, care);
    }

    private static void add(List<Token> tokens, String value, String what, PersonRole role, Set<DataCategory> needs) {
        if (value != null) {
            tokens.add(new Token(value, what, role, needs, false));
        }
    }

    private static void addAll(List<Token> tokens, List<String> values, String what, PersonRole role, Set<DataCategory> needs) {
        values.forEach(v -> add(tokens, v, what, role, needs));
    }

}
