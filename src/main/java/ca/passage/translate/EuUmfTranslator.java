package ca.passage.translate;

import ca.passage.notice.ActionKind;
import ca.passage.notice.Agency;
import ca.passage.notice.Asset;
import ca.passage.notice.CaseNotice;
import ca.passage.notice.ExploitationType;
import ca.passage.notice.FinancialAccount;
import ca.passage.notice.Grading;
import ca.passage.notice.Handling;
import ca.passage.notice.HandlingCode;
import ca.passage.notice.IdentityDocument;
import ca.passage.notice.LegalBasis;
import ca.passage.notice.Location;
import ca.passage.notice.NoticeColour;
import ca.passage.notice.NoticeDates;
import ca.passage.notice.Offence;
import ca.passage.notice.Organisation;
import ca.passage.notice.Person;
import ca.passage.notice.PersonRole;
import ca.passage.notice.PhysicalDescription;
import ca.passage.notice.PointOfContact;
import ca.passage.notice.Priority;
import ca.passage.notice.RequestedAction;
import ca.passage.notice.Sex;
import ca.passage.notice.SocialMediaHandle;
import ca.passage.notice.TraffickingEvent;
import ca.passage.notice.Vehicle;
import ca.passage.notice.Warrant;
import ca.passage.partner.PolicyOutcome;
import ca.passage.partner.SharingPolicy;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static ca.passage.translate.Mapping.list;

/**
 * Canadian case notice ⇄ EU agency message, SIENA/UMF-style ({@code eu-umf/1}). Persons and what hangs off them
 * become entities joined by Links; events become Locations linked from the Case with their date; route countries
 * are Locations linked from the event's Location in order. Organisations shared by several persons are one entity.
 */
public final class EuUmfTranslator extends FormatTranslator<EuUmfMessage> {

    public static final String FORMAT = "eu-umf";
    static final String CASE_ID = "CASE-1";
    static final String HAS_DOCUMENT = "HAS_DOCUMENT";
    static final String USES_VEHICLE = "USES_VEHICLE";
    static final String ASSOCIATED_WITH = "ASSOCIATED_WITH";
    static final String USES_MEANS = "USES_MEANS";
    static final String HOLDS_ACCOUNT = "HOLDS_ACCOUNT";
    static final String ROUTE_VIA = "ROUTE_VIA";

    public EuUmfTranslator(CodeLists codeLists, SharingPolicy policy) {
        super(FORMAT, EuUmfMessage.class, EuUmfMessage.NAMESPACE, "umf", PropertyNamingStrategies.UPPER_CAMEL_CASE,
                codeLists, policy);
    }

    @Override
    protected EuUmfMessage toMessage(PolicyOutcome outcome, PartnerCodes codes) {
        return new Writer(outcome, codes).message();
    }

    @Override
    protected CaseNotice toNotice(EuUmfMessage message, PartnerCodes codes) {
        return new Reader(message, codes).notice();
    }

    // ---- outbound

    private static final class Writer {
        private final PolicyOutcome outcome;
        private final PartnerCodes c;
        private final List<EuUmfMessage.DocumentEntity> documents = new ArrayList<>();
        private final List<EuUmfMessage.VehicleEntity> vehicles = new ArrayList<>();
        private final List<EuUmfMessage.LocationEntity> locations = new ArrayList<>();
        private final Map<Organisation, String> organisations = new LinkedHashMap<>();
        private final List<EuUmfMessage.CommunicationEntity> communications = new ArrayList<>();
        private final List<EuUmfMessage.AccountEntity> accounts = new ArrayList<>();
        private final List<EuUmfMessage.Link> links = new ArrayList<>();

        Writer(PolicyOutcome outcome, PartnerCodes c) {
            this.outcome = outcome;
            this.c = c;
        }

        EuUmfMessage message() {
            CaseNotice n = outcome.notice();
            Agency ag = n.originatingAgency();
            PointOfContact poc = ag.pointOfContact();
            EuUmfMessage.Header header = new EuUmfMessage.Header(n.noticeId(), n.nationalFileNumber(), n.version(),
                    n.supersedes(), c.out("countries", "CA"),
                    new EuUmfMessage.SenderAgency(ag.code(), ag.name(), poc.name(), poc.role(), poc.email(), poc.phone()),
                    n.requestedAction().kind().name(),
                    c.out("colours", n.requestedAction().colour()),
                    c.outAll("countries", n.requestedAction().diffusionCountries()),
                    c.out("priorities", n.priority()),
                    n.handling().code().name(), n.handling().restriction(),
                    n.grading().source(), n.grading().information(),
                    n.legalBasis().instrument(), n.legalBasis().agreementReference(),
                    n.dates().created(), n.dates().reviewBy(), n.dates().expires(),
                    c.out("languages", n.language()));
            Offence o = n.offence();
            EuUmfMessage.CaseEntity caseEntity = new EuUmfMessage.CaseEntity(CASE_ID, n.summary(),
                    c.outAll("offences", o.sections()),
                    c.outEnums("exploitation-types", o.exploitationTypes()),
                    c.outAll("methods-of-control", o.methodsOfControl()),
                    o.recruitment(), o.onlinePlatforms(), o.modusOperandi(), o.concealmentMethods(),
                    n.assets().stream().map(a -> new EuUmfMessage.Asset(a.type(), a.description(), a.estimatedValue(),
                            c.currency(a.currency()), c.out("countries", a.country()))).toList());
            List<EuUmfMessage.PersonEntity> persons = new ArrayList<>();
            for (int i = 0; i < n.persons().size(); i++) {
                persons.add(person(n.persons().get(i), "PER-" + (i + 1)));
            }
            for (TraffickingEvent e : n.events()) {
                String loc = location(e.location().country(), e.location().city());
                links.add(new EuUmfMessage.Link(c.out("event-types", e.type()), CASE_ID, loc, e.date()));
                for (String country : e.route()) {
                    links.add(new EuUmfMessage.Link(ROUTE_VIA, loc, location(country, null), null));
                }
            }
            List<EuUmfMessage.OrganisationEntity> orgs = organisations.entrySet().stream()
                    .map(en -> new EuUmfMessage.OrganisationEntity(en.getValue(), en.getKey().name(), en.getKey().type(),
                            c.out("countries", en.getKey().country()))).toList();
            return new EuUmfMessage("1", header, caseEntity, persons, documents, vehicles, locations, orgs,
                    communications, accounts, links);
        }

        private EuUmfMessage.PersonEntity person(Person p, String id) {
            links.add(new EuUmfMessage.Link(c.out("person-roles", p.role()), id, CASE_ID, null));
            for (IdentityDocument d : p.documents()) {
                String did = "DOC-" + (documents.size() + 1);
                documents.add(new EuUmfMessage.DocumentEntity(did, c.out("document-types", d.type()), d.number(),
                        c.out("countries", d.issuingCountry()), d.expiryDate()));
                links.add(new EuUmfMessage.Link(HAS_DOCUMENT, id, did, null));
            }
            for (Vehicle v : p.vehicles()) {
                String vid = "VEH-" + (vehicles.size() + 1);
                vehicles.add(new EuUmfMessage.VehicleEntity(vid, v.make(), v.model(), v.colour(), v.registration(),
                        c.out("countries", v.registrationCountry())));
                links.add(new EuUmfMessage.Link(USES_VEHICLE, id, vid, null));
            }
            for (Organisation o : p.organisations()) {
                String oid = organisations.computeIfAbsent(o, k -> "ORG-" + (organisations.size() + 1));
                links.add(new EuUmfMessage.Link(ASSOCIATED_WITH, id, oid, null));
            }
            for (String phone : p.phones()) {
                links.add(new EuUmfMessage.Link(USES_MEANS, id, communication("PHONE", phone, null), null));
            }
            for (String email : p.emails()) {
                links.add(new EuUmfMessage.Link(USES_MEANS, id, communication("EMAIL", email, null), null));
            }
            for (SocialMediaHandle s : p.socialMedia()) {
                links.add(new EuUmfMessage.Link(USES_MEANS, id, communication("SOCIAL_MEDIA", s.handle(), s.platform()), null));
            }
            for (FinancialAccount f : p.financialAccounts()) {
                String aid = "ACC-" + (accounts.size() + 1);
                accounts.add(new EuUmfMessage.AccountEntity(aid, f.institution(), f.accountNumber(),
                        c.out("countries", f.country()), c.currency(f.currency())));
                links.add(new EuUmfMessage.Link(HOLDS_ACCOUNT, id, aid, null));
            }
            PhysicalDescription d = p.physicalDescription();
            Location birth = p.placeOfBirth();
            Warrant w = p.warrant();
            return new EuUmfMessage.PersonEntity(id, p.personId(), p.familyName(), p.givenNames(), p.aliases(),
                    p.dateOfBirth(), outcome.ageBand(p.personId()), c.out("sex", p.sex()),
                    c.outAll("countries", p.nationalities()),
                    birth == null ? null : c.out("countries", birth.country()), birth == null ? null : birth.city(),
                    c.outAll("languages", p.languages()),
                    d == null ? null : d.heightCm(), d == null ? null : d.weightKg(),
                    d == null ? null : c.out("eye-colours", d.eyeColour()),
                    d == null ? null : c.out("hair-colours", d.hairColour()),
                    d == null ? null : d.distinguishingMarks(),
                    p.minor(), p.missingSince(), p.fatherName(), p.motherName(),
                    w == null ? null : new EuUmfMessage.ArrestWarrant(w.reference(), w.issuingAuthority(),
                            c.out("countries", w.issuingCountry()), w.issuedOn(), w.charge(), w.chargeTranslation()),
                    PartnerVictimCare.of(p.victimCare()));
        }

        private String communication(String type, String value, String platform) {
            String id = "COM-" + (communications.size() + 1);
            communications.add(new EuUmfMessage.CommunicationEntity(id, type, value, platform));
            return id;
        }

        private String location(String country, String city) {
            String id = "LOC-" + (locations.size() + 1);
            locations.add(new EuUmfMessage.LocationEntity(id, c.out("countries", country), city));
            return id;
        }
    }

    // ---- inbound

    private static final class Reader {
        private final EuUmfMessage m;
        private final PartnerCodes c;
        private final List<EuUmfMessage.Link> links;

        Reader(EuUmfMessage m, PartnerCodes c) {
            this.m = m;
            this.c = c;
            this.links = list(m.links());
        }

        CaseNotice notice() {
            EuUmfMessage.Header h = m.header();
            EuUmfMessage.SenderAgency ag = h.senderAgency();
            EuUmfMessage.CaseEntity k = m.caseEntity();
            String caseId = k.id();
            Map<String, EuUmfMessage.LocationEntity> locations = byId(list(m.locations()), EuUmfMessage.LocationEntity::id);
            List<TraffickingEvent> events = new ArrayList<>();
            for (EuUmfMessage.Link l : links) {
                if (l.from().equals(caseId) && locations.containsKey(l.to())) {
                    EuUmfMessage.LocationEntity loc = locations.get(l.to());
                    List<String> route = targets(l.to(), ROUTE_VIA).stream()
                            .map(id -> c.in("countries", entity(locations, id, "Location").country())).toList();
                    events.add(new TraffickingEvent(c.in("event-types", l.type()), l.date(),
                            new Location(c.in("countries", loc.country()), loc.city()), route));
                }
            }
            return new CaseNotice(
                    CaseNotice.SCHEMA_VERSION, h.messageId(), h.nationalFileNumber(), h.version(), h.supersedes(),
                    new Agency(ag.code(), ag.name(), new PointOfContact(ag.contactName(), ag.contactRole(),
                            ag.contactEmail(), ag.contactPhone())),
                    new RequestedAction(ActionKind.valueOf(h.requestType()),
                            c.in("colours", h.noticeColour(), NoticeColour.class),
                            c.inAll("countries", list(h.diffusionCountries()))),
                    c.in("priorities", h.priority(), Priority.class),
                    new LegalBasis(h.legalBasis(), h.agreementReference()),
                    new Handling(HandlingCode.valueOf(h.handlingCode()), h.handlingRestriction()),
                    new Grading(h.sourceGrading(), h.informationGrading()),
                    new NoticeDates(h.created(), h.reviewBy(), h.expires()),
                    c.in("languages", h.language()),
                    k.summary(),
                    new Offence(c.inAll("offences", list(k.crimeAreas())),
                            c.inEnums("exploitation-types", list(k.exploitationTypes()), ExploitationType.class),
                            c.inAll("methods-of-control", list(k.methodsOfControl())),
                            k.recruitment(), list(k.onlinePlatforms()), k.modusOperandi(),
                            list(k.concealmentMethods())),
                    events,
                    list(m.persons()).stream().map(p -> person(p, caseId)).toList(),
                    list(k.assets()).stream().map(a -> new Asset(a.type(), a.description(), a.estimatedValue(),
                            c.currency(a.currency()), c.in("countries", a.country()))).toList(),
                    List.of(Translators.DOMESTIC_RECIPIENT));
        }

        private Person person(EuUmfMessage.PersonEntity p, String caseId) {
            String id = p.id();
            PersonRole role = links.stream().filter(l -> l.from().equals(id) && l.to().equals(caseId))
                    .map(l -> c.in("person-roles", l.type(), PersonRole.class)).findFirst()
                    .orElseThrow(() -> new TranslationException(c.partnerId(),
                            "person " + id + " has no link to case " + caseId + " giving its role"));
            Map<String, EuUmfMessage.DocumentEntity> docs = byId(list(m.documents()), EuUmfMessage.DocumentEntity::id);
            Map<String, EuUmfMessage.VehicleEntity> vehs = byId(list(m.vehicles()), EuUmfMessage.VehicleEntity::id);
            Map<String, EuUmfMessage.OrganisationEntity> orgs = byId(list(m.organisations()), EuUmfMessage.OrganisationEntity::id);
            Map<String, EuUmfMessage.CommunicationEntity> coms = byId(list(m.communications()), EuUmfMessage.CommunicationEntity::id);
            Map<String, EuUmfMessage.AccountEntity> accs = byId(list(m.accounts()), EuUmfMessage.AccountEntity::id);
            List<EuUmfMessage.CommunicationEntity> means = targets(id, USES_MEANS).stream()
                    .map(t -> entity(coms, t, "MeansOfCommunication")).toList();
            PhysicalDescription d = null;
            if (p.heightCm() != null || p.weightKg() != null || p.eyeColour() != null || p.hairColour() != null
                    || p.distinguishingMarks() != null) {
                d = new PhysicalDescription(p.heightCm(), p.weightKg(), c.in("eye-colours", p.eyeColour()),
                        c.in("hair-colours", p.hairColour()), p.distinguishingMarks());
            }
            EuUmfMessage.ArrestWarrant w = p.arrestWarrant();
            return new Person(p.senderPersonId(), role, p.familyName(), p.givenName(), list(p.aliases()),
                    p.dateOfBirth(), c.in("sex", p.sex(), Sex.class), c.inAll("countries", list(p.nationalities())),
                    p.birthCountry() == null ? null : new Location(c.in("countries", p.birthCountry()), p.birthCity()),
                    c.inAll("languages", list(p.languages())), d, p.minor(), p.missingSince(), p.fatherName(),
                    p.motherName(),
                    targets(id, HAS_DOCUMENT).stream().map(t -> entity(docs, t, "Document")).map(doc ->
                            new IdentityDocument(c.in("document-types", doc.type()), doc.number(),
                                    c.in("countries", doc.issuingCountry()), doc.expiryDate())).toList(),
                    means.stream().filter(x -> x.type().equals("PHONE")).map(EuUmfMessage.CommunicationEntity::value).toList(),
                    means.stream().filter(x -> x.type().equals("EMAIL")).map(EuUmfMessage.CommunicationEntity::value).toList(),
                    means.stream().filter(x -> x.type().equals("SOCIAL_MEDIA"))
                            .map(x -> new SocialMediaHandle(x.platform(), x.value())).toList(),
                    targets(id, ASSOCIATED_WITH).stream().map(t -> entity(orgs, t, "Organisation")).map(o ->
                            new Organisation(o.name(), o.type(), c.in("countries", o.country()))).toList(),
                    targets(id, USES_VEHICLE).stream().map(t -> entity(vehs, t, "Vehicle")).map(v ->
                            new Vehicle(v.make(), v.model(), v.colour(), v.registration(),
                                    c.in("countries", v.registrationCountry()))).toList(),
                    targets(id, HOLDS_ACCOUNT).stream().map(t -> entity(accs, t, "FinancialAccount")).map(a ->
                            new FinancialAccount(a.institution(), a.accountNumber(), c.in("countries", a.country()),
                                    c.currency(a.currency()))).toList(),
                    w == null ? null : new Warrant(w.reference(), w.issuingAuthority(),
                            c.in("countries", w.issuingCountry()), w.issuedOn(), w.charge(), w.chargeTranslation()))
                    .withVictimCare(PartnerVictimCare.toCanadian(p.victimCare()));
        }

        private List<String> targets(String from, String type) {
            return links.stream().filter(l -> l.from().equals(from) && l.type().equals(type))
                    .map(EuUmfMessage.Link::to).toList();
        }

        private <T> T entity(Map<String, T> entities, String id, String kind) {
            T t = entities.get(id);
            if (t == null) {
                throw new TranslationException(c.partnerId(), "link target " + id + " is not a " + kind);
            }
            return t;
        }

        private static <T> Map<String, T> byId(List<T> entities, Function<T, String> id) {
            return entities.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a, HashMap::new));
        }
    }
}
