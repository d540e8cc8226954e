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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static ca.passage.translate.Mapping.list;

/**
 * Canadian case notice ⇄ US exchange, NIEM-style ({@code us-niem/1}). Each pair (Criminal Code section,
 * exploitation type) becomes an Offense with its NIBRS code (64A commercial sex acts, 64B involuntary servitude)
 * and US statute, from code list {@code us-niem-offences}; a pair without a US equivalent (e.g. organ removal) is
 * an error naming it. Inbound, (NIBRS code, statute) is read back to its section.
 */
public final class UsNiemTranslator extends FormatTranslator<UsNiemExchange> {

    public static final String FORMAT = "us-niem";
    static final String OFFENCES = "us-niem-offences";
    static final String STATUTE = "us-niem-statute";

    public UsNiemTranslator(CodeLists codeLists, SharingPolicy policy) {
        super(FORMAT, UsNiemExchange.class, UsNiemExchange.NAMESPACE, "us", PropertyNamingStrategies.UPPER_CAMEL_CASE,
                codeLists, policy);
    }

    @Override
    protected UsNiemExchange toMessage(PolicyOutcome outcome, PartnerCodes codes) {
        return toUs(outcome, codes);
    }

    @Override
    protected CaseNotice toNotice(UsNiemExchange message, PartnerCodes codes) {
        return toCanadian(message, codes);
    }

    // ---- outbound

    private static UsNiemExchange toUs(PolicyOutcome outcome, PartnerCodes c) {
        CaseNotice n = outcome.notice();
        Agency ag = n.originatingAgency();
        PointOfContact poc = ag.pointOfContact();
        Offence o = n.offence();
        return new UsNiemExchange(
                "1",
                new UsNiemExchange.DocumentMetadata(n.noticeId(), n.nationalFileNumber(), n.version(), n.supersedes(),
                        n.dates().created(), n.dates().reviewBy(), n.dates().expires(), c.out("languages", n.language()),
                        n.handling().code().name(), n.handling().restriction(), n.grading().source(),
                        n.grading().information(), n.legalBasis().instrument(), n.legalBasis().agreementReference()),
                new UsNiemExchange.SubmittingOrganization(ag.code(), ag.name(), c.out("countries", "CA"), poc.name(),
                        poc.role(), poc.email(), poc.phone()),
                new UsNiemExchange.Request(n.requestedAction().kind().name(), c.out("colours", n.requestedAction().colour()),
                        c.outAll("countries", n.requestedAction().diffusionCountries()), c.out("priorities", n.priority())),
                new UsNiemExchange.Incident(n.summary(),
                        c.outEnums("exploitation-types", o.exploitationTypes()),
                        c.outAll("methods-of-control", o.methodsOfControl()),
                        o.recruitment(), o.onlinePlatforms(), o.modusOperandi(), o.concealmentMethods(),
                        n.events().stream().map(e -> new UsNiemExchange.IncidentEvent(c.out("event-types", e.type()),
                                e.date(), location(e.location(), c), c.outAll("countries", e.route()))).toList()),
                offenses(o, c),
                n.persons().stream().map(p -> person(p, outcome.ageBand(p.personId()), c)).toList(),
                n.assets().stream().map(a -> new UsNiemExchange.Property(a.type(), a.description(), a.estimatedValue(),
                        c.currency(a.currency()), c.out("countries", a.country()))).toList());
    }

    private static List<UsNiemExchange.Offense> offenses(Offence o, PartnerCodes c) {
        Set<List<String>> pairs = new LinkedHashSet<>();
        for (String section : o.sections()) {
            for (ExploitationType t : o.exploitationTypes()) {
                String key = section + "/" + t.name();
                pairs.add(List.of(c.out(OFFENCES, key), c.out(OFFENCES, STATUTE, key)));
            }
        }
        List<UsNiemExchange.Offense> out = new ArrayList<>();
        for (List<String> p : pairs) {
            out.add(new UsNiemExchange.Offense("OFF-" + (out.size() + 1), p.get(0), p.get(1)));
        }
        return out;
    }

    private static UsNiemExchange.Location location(Location l, PartnerCodes c) {
        return l == null ? null : new UsNiemExchange.Location(c.out("countries", l.country()), l.city());
    }

    private static UsNiemExchange.Person person(Person p, String ageBand, PartnerCodes c) {
        PhysicalDescription d = p.physicalDescription();
        Warrant w = p.warrant();
        return new UsNiemExchange.Person(p.personId(), c.out("person-roles", p.role()), p.familyName(), p.givenNames(),
                p.aliases(), p.dateOfBirth(), ageBand, c.out("sex", p.sex()), c.outAll("countries", p.nationalities()),
                location(p.placeOfBirth(), c), c.outAll("languages", p.languages()),
                d == null ? null : d.heightCm(), d == null ? null : d.weightKg(),
                d == null ? null : c.out("eye-colours", d.eyeColour()),
                d == null ? null : c.out("hair-colours", d.hairColour()),
                d == null ? null : d.distinguishingMarks(),
                p.minor(), p.missingSince(), p.fatherName(), p.motherName(),
                p.documents().stream().map(doc -> new UsNiemExchange.IdentityDocument(c.out("document-types", doc.type()),
                        doc.number(), c.out("countries", doc.issuingCountry()), doc.expiryDate())).toList(),
                p.phones(), p.emails(),
                p.socialMedia().stream().map(s -> new UsNiemExchange.SocialMediaAccount(s.platform(), s.handle())).toList(),
                p.organisations().stream().map(o -> new UsNiemExchange.Organization(o.name(), o.type(),
                        c.out("countries", o.country()))).toList(),
                p.vehicles().stream().map(v -> new UsNiemExchange.Conveyance(v.make(), v.model(), v.colour(),
                        v.registration(), c.out("countries", v.registrationCountry()))).toList(),
                p.financialAccounts().stream().map(f -> new UsNiemExchange.FinancialAccount(f.institution(),
                        f.accountNumber(), c.out("countries", f.country()), c.currency(f.currency()))).toList(),
                w == null ? null : new UsNiemExchange.Warrant(w.reference(), w.issuingAuthority(),
                        c.out("countries", w.issuingCountry()), w.issuedOn(), w.charge(), w.chargeTranslation()),
                PartnerVictimCare.of(p.victimCare()));
    }

    // ---- inbound

    private CaseNotice toCanadian(UsNiemExchange x, PartnerCodes c) {
        UsNiemExchange.DocumentMetadata md = x.documentMetadata();
        UsNiemExchange.SubmittingOrganization so = x.submittingOrganization();
        UsNiemExchange.Request rq = x.request();
        UsNiemExchange.Incident in = x.incident();
        return new CaseNotice(
                CaseNotice.SCHEMA_VERSION, md.documentIdentificationID(), md.caseNumberText(), md.documentVersion(),
                md.supersededDocumentID(),
                new Agency(so.organizationIdentificationID(), so.organizationName(), new PointOfContact(
                        so.contactPersonName(), so.contactRoleText(), so.contactEmailID(), so.contactTelephoneNumber())),
                new RequestedAction(ActionKind.valueOf(rq.requestedActionCode()),
                        c.in("colours", rq.noticeColorCode(), NoticeColour.class),
                        c.inAll("countries", list(rq.diffusionCountryCodes()))),
                c.in("priorities", rq.priorityCode(), Priority.class),
                new LegalBasis(md.legalBasisText(), md.agreementReferenceText()),
                new Handling(HandlingCode.valueOf(md.handlingCode()), md.handlingRestrictionText()),
                new Grading(md.sourceReliabilityCode(), md.informationValidityCode()),
                new NoticeDates(md.documentCreationDateTime(), md.documentReviewDate(), md.documentExpirationDate()),
                c.in("languages", md.documentLanguageCode()),
                in.incidentDescriptionText(),
                new Offence(sections(list(x.offenses()), c),
                        c.inEnums("exploitation-types", list(in.exploitationCategoryCodes()), ExploitationType.class),
                        c.inAll("methods-of-control", list(in.controlMethodCodes())),
                        in.recruitmentDescriptionText(), list(in.onlinePlatformNames()), in.modusOperandiText(),
                        list(in.concealmentMethodTexts())),
                list(in.events()).stream().map(e -> new TraffickingEvent(c.in("event-types", e.eventCategoryCode()),
                        e.eventDate(), location(e.location(), c), c.inAll("countries", list(e.routeCountryCodes()))))
                        .toList(),
                list(x.persons()).stream().map(p -> person(p, c)).toList(),
                list(x.properties()).stream().map(a -> new Asset(a.propertyCategoryText(), a.propertyDescriptionText(),
                        a.propertyValueAmount(), c.currency(a.currencyCode()),
                        c.in("countries", a.propertyLocationCountryCode()))).toList(),
                List.of(Translators.DOMESTIC_RECIPIENT));
    }

    /** (NIBRS code, statute) → the first Criminal Code section listed with that pair; distinct, in order. */
    private List<String> sections(List<UsNiemExchange.Offense> offenses, PartnerCodes c) {
        CodeLists.Table t = codeLists().table(OFFENCES);
        int nibrs = t.columns().indexOf(FORMAT);
        int statute = t.columns().indexOf(STATUTE);
        Set<String> sections = new LinkedHashSet<>();
        for (UsNiemExchange.Offense o : offenses) {
            String section = t.rows().stream()
                    .filter(r -> r.get(nibrs).equals(o.offenseNIBRSCode()) && r.get(statute).equals(o.offenseStatuteText()))
                    .map(r -> r.get(0).substring(0, r.get(0).indexOf('/')))
                    .findFirst()
                    .orElseThrow(() -> new TranslationException(c.partnerId(), "offense " + o.offenseNIBRSCode() + " / "
                            + o.offenseStatuteText() + " has no Canadian equivalent in code list " + OFFENCES));
            sections.add(section);
        }
        return List.copyOf(sections);
    }

    private static Location location(UsNiemExchange.Location l, PartnerCodes c) {
        return l == null ? null : new Location(c.in("countries", l.locationCountryCode()), l.locationCityName());
    }

    private static Person person(UsNiemExchange.Person p, PartnerCodes c) {
        PhysicalDescription d = null;
        if (p.personHeightCentimeterMeasure() != null || p.personWeightKilogramMeasure() != null
                || p.personEyeColorCode() != null || p.personHairColorCode() != null
                || p.personPhysicalFeatureDescriptionText() != null) {
            d = new PhysicalDescription(p.personHeightCentimeterMeasure(), p.personWeightKilogramMeasure(),
                    c.in("eye-colours", p.personEyeColorCode()), c.in("hair-colours", p.personHairColorCode()),
                    p.personPhysicalFeatureDescriptionText());
        }
        UsNiemExchange.Warrant w = p.personWarrant();
        return new Person(p.id(), c.in("person-roles", p.personRoleCode(), PersonRole.class), p.personSurName(),
                p.personGivenName(), list(p.alternateNames()), p.personBirthDate(),
                c.in("sex", p.personSexCode(), Sex.class), c.inAll("countries", list(p.citizenshipCodes())),
                location(p.personBirthLocation(), c), c.inAll("languages", list(p.languageCodes())), d,
                p.personMinorIndicator(), p.personMissingDate(), p.personFatherName(), p.personMotherName(),
                list(p.identityDocuments()).stream().map(doc -> new IdentityDocument(
                        c.in("document-types", doc.documentCategoryCode()), doc.documentIdentificationID(),
                        c.in("countries", doc.documentIssuingCountryCode()), doc.documentExpirationDate())).toList(),
                list(p.telephoneNumbers()), list(p.emailIds()),
                list(p.socialMediaAccounts()).stream().map(s -> new SocialMediaHandle(s.platformName(),
                        s.accountHandleText())).toList(),
                list(p.organizations()).stream().map(o -> new Organisation(o.organizationName(),
                        o.organizationCategoryText(), c.in("countries", o.organizationCountryCode()))).toList(),
                list(p.conveyances()).stream().map(v -> new Vehicle(v.vehicleMakeName(), v.vehicleModelName(),
                        v.vehicleColorText(), v.vehicleRegistrationPlateID(),
                        c.in("countries", v.vehicleRegistrationCountryCode()))).toList(),
                list(p.financialAccounts()).stream().map(f -> new FinancialAccount(f.financialInstitutionName(),
                        f.accountNumberID(), c.in("countries", f.accountCountryCode()), c.currency(f.currencyCode())))
                        .toList(),
                w == null ? null : new Warrant(w.warrantIdentificationID(), w.warrantIssuingAuthorityText(),
                        c.in("countries", w.warrantIssuingCountryCode()), w.warrantIssuedDate(), w.warrantChargeText(),
                        w.warrantChargeTranslationText()))
                .withVictimCare(PartnerVictimCare.toCanadian(p.personVictimCare()));
    }
}
