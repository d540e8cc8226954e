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

import java.math.BigDecimal;
import java.util.List;

import static ca.passage.translate.Mapping.first;
import static ca.passage.translate.Mapping.list;

/**
 * Canadian case notice ⇄ INTERPOL-style notice ({@code interpol-notice/1}). Each colour's required content is
 * enforced on what leaves after the sharing policy and on what arrives ({@link ColourRules}).
 */
public final class InterpolNoticeTranslator extends FormatTranslator<InterpolNotice> {

    public static final String FORMAT = "interpol-notice";

    public InterpolNoticeTranslator(CodeLists codeLists, SharingPolicy policy) {
        super(FORMAT, InterpolNotice.class, InterpolNotice.NAMESPACE, "ipn", PropertyNamingStrategies.SNAKE_CASE,
                codeLists, policy);
    }

    @Override
    protected InterpolNotice toMessage(PolicyOutcome outcome, PartnerCodes codes) {
        CaseNotice n = outcome.notice();
        ColourRules.check(n, codes.partnerId());
        return toInterpol(n, outcome, codes);
    }

    @Override
    protected CaseNotice toNotice(InterpolNotice message, PartnerCodes codes) {
        CaseNotice n = toCanadian(message, codes);
        ColourRules.check(n, codes.partnerId());
        return n;
    }

    // ---- outbound

    private static InterpolNotice toInterpol(CaseNotice n, PolicyOutcome outcome, PartnerCodes c) {
        Agency ag = n.originatingAgency();
        PointOfContact poc = ag.pointOfContact();
        boolean diffusion = n.requestedAction().kind() == ActionKind.DIFFUSION;
        Offence o = n.offence();
        TraffickingEvent disappearance = n.events().stream()
                .filter(e -> "DISAPPEARANCE".equals(e.type())).findFirst().orElse(null);
        return new InterpolNotice(
                "1",
                n.noticeId(),
                n.nationalFileNumber(),
                n.version(),
                n.supersedes(),
                diffusion ? "diffusion" : "notice",
                c.out("colours", n.requestedAction().colour()),
                c.outAll("countries", n.requestedAction().diffusionCountries()),
                c.out("countries", "CA"),
                new InterpolNotice.RequestingEntity(ag.code(), ag.name(), poc.name(), poc.role(), poc.email(), poc.phone()),
                c.out("priorities", n.priority()),
                new InterpolNotice.LegalBasis(n.legalBasis().instrument(), n.legalBasis().agreementReference()),
                new InterpolNotice.Handling(n.handling().code().name(), n.handling().restriction()),
                new InterpolNotice.Grading(n.grading().source(), n.grading().information()),
                n.dates().created(),
                n.dates().reviewBy(),
                n.dates().expires(),
                c.out("languages", n.language()),
                n.summary(),
                new InterpolNotice.Offence(
                        c.outAll("offences", o.sections()),
                        c.outEnums("exploitation-types", o.exploitationTypes()),
                        c.outAll("methods-of-control", o.methodsOfControl()),
                        o.recruitment(),
                        o.onlinePlatforms(),
                        o.modusOperandi(),
                        o.concealmentMethods()),
                n.events().stream().map(e -> new InterpolNotice.Event(
                        c.out("event-types", e.type()),
                        e.date(),
                        e.location().city(),
                        c.out("countries", e.location().country()),
                        c.outAll("countries", e.route()))).toList(),
                n.persons().stream().map(p -> person(p, outcome.ageBand(p.personId()), disappearance, c)).toList(),
                n.assets().stream().map(a -> new InterpolNotice.Asset(a.type(), a.description(), a.estimatedValue(),
                        c.currency(a.currency()), c.out("countries", a.country()))).toList());
    }

    private static InterpolNotice.Person person(Person p, String ageBand, TraffickingEvent disappearance, PartnerCodes c) {
        PhysicalDescription d = p.physicalDescription();
        Location birth = p.placeOfBirth();
        boolean missing = p.missingSince() != null;
        Location missingPlace = missing && disappearance != null ? disappearance.location() : null;
        Warrant w = p.warrant();
        return new InterpolNotice.Person(
                p.personId(),
                c.out("person-roles", p.role()),
                p.familyName(),
                p.givenNames(),
                p.aliases(),
                p.dateOfBirth(),
                ageBand,
                c.out("sex", p.sex()),
                c.outAll("countries", p.nationalities()),
                birth == null ? null : birth.city(),
                birth == null ? null : c.out("countries", birth.country()),
                c.outAll("languages", p.languages()),
                d == null || d.heightCm() == null ? null : BigDecimal.valueOf(d.heightCm(), 2),
                d == null ? null : d.weightKg(),
                d == null ? null : c.out("eye-colours", d.eyeColour()),
                d == null ? null : c.out("hair-colours", d.hairColour()),
                d == null ? null : d.distinguishingMarks(),
                p.minor(),
                p.missingSince(),
                missingPlace == null ? null : missingPlace.city(),
                missingPlace == null ? null : c.out("countries", missingPlace.country()),
                p.fatherName(),
                p.motherName(),
                p.documents().stream().map(doc -> new InterpolNotice.IdentityDocument(c.out("document-types", doc.type()),
                        doc.number(), c.out("countries", doc.issuingCountry()), doc.expiryDate())).toList(),
                p.phones(),
                p.emails(),
                p.socialMedia().stream().map(s -> new InterpolNotice.SocialMedia(s.platform(), s.handle())).toList(),
                p.organisations().stream().map(org -> new InterpolNotice.Organisation(org.name(), org.type(),
                        c.out("countries", org.country()))).toList(),
                p.vehicles().stream().map(v -> new InterpolNotice.Vehicle(v.make(), v.model(), v.colour(),
                        v.registration(), c.out("countries", v.registrationCountry()))).toList(),
                p.financialAccounts().stream().map(f -> new InterpolNotice.FinancialAccount(f.institution(),
                        f.accountNumber(), c.out("countries", f.country()), c.currency(f.currency()))).toList(),
                w == null ? List.of() : List.of(new InterpolNotice.ArrestWarrant(w.reference(), w.issuingAuthority(),
                        c.out("countries", w.issuingCountry()), w.issuedOn(), w.charge(), w.chargeTranslation())),
                PartnerVictimCare.of(p.victimCare()));
    }

    // ---- inbound

    private static CaseNotice toCanadian(InterpolNotice in, PartnerCodes c) {
        InterpolNotice.RequestingEntity re = in.requestingEntity();
        boolean diffusion = "diffusion".equals(in.noticeType());
        InterpolNotice.Offence o = in.offence();
        return new CaseNotice(
                CaseNotice.SCHEMA_VERSION,
                in.noticeReference(),
                in.nationalFileNumber(),
                in.version(),
                in.supersedes(),
                new Agency(re.code(), re.name(), new PointOfContact(re.contactName(), re.contactRole(),
                        re.contactEmail(), re.contactPhone())),
                new RequestedAction(diffusion ? ActionKind.DIFFUSION : ActionKind.NOTICE,
                        c.in("colours", in.colour(), NoticeColour.class),
                        c.inAll("countries", list(in.diffusionCountryIds()))),
                c.in("priorities", in.urgency(), Priority.class),
                new LegalBasis(in.legalBasis().instrument(), in.legalBasis().agreementReference()),
                new Handling(HandlingCode.valueOf(in.handling().code()), in.handling().restriction()),
                new Grading(in.grading().sourceReliability(), in.grading().informationAccuracy()),
                new NoticeDates(in.dateOfPublication(), in.reviewDate(), in.expiryDate()),
                c.in("languages", in.languageId()),
                in.summary(),
                new Offence(
                        c.inAll("offences", list(o.chargeIds())),
                        c.inEnums("exploitation-types", list(o.exploitationTypeIds()), ExploitationType.class),
                        c.inAll("methods-of-control", list(o.controlMethodIds())),
                        o.recruitment(),
                        list(o.onlinePlatforms()),
                        o.modusOperandi(),
                        list(o.concealmentMethods())),
                list(in.events()).stream().map(e -> new TraffickingEvent(
                        c.in("event-types", e.eventTypeId()),
                        e.dateOfEvent(),
                        new Location(c.in("countries", e.countryOfEventId()), e.placeOfEvent()),
                        c.inAll("countries", list(e.routeCountryIds())))).toList(),
                list(in.persons()).stream().map(p -> person(p, c)).toList(),
                list(in.assets()).stream().map(a -> new Asset(a.assetType(), a.description(), a.estimatedValue(),
                        c.currency(a.currencyId()), c.in("countries", a.countryId()))).toList(),
                List.of(Translators.DOMESTIC_RECIPIENT));
    }

    private static Person person(InterpolNotice.Person p, PartnerCodes c) {
        PhysicalDescription d = null;
        if (p.height() != null || p.weight() != null || p.eyesColorsId() != null || p.hairsId() != null
                || p.distinguishingMarks() != null) {
            d = new PhysicalDescription(
                    p.height() == null ? null : p.height().movePointRight(2).intValueExact(),
                    p.weight(),
                    c.in("eye-colours", p.eyesColorsId()),
                    c.in("hair-colours", p.hairsId()),
                    p.distinguishingMarks());
        }
        InterpolNotice.ArrestWarrant w = first(p.arrestWarrants());
        return new Person(
                p.entityId(),
                c.in("person-roles", p.roleId(), PersonRole.class),
                p.name(),
                p.forename(),
                list(p.otherNames()),
                p.dateOfBirth(),
                c.in("sex", p.sexId(), Sex.class),
                c.inAll("countries", list(p.nationalities())),
                p.countryOfBirthId() == null ? null : new Location(c.in("countries", p.countryOfBirthId()), p.placeOfBirth()),
                c.inAll("languages", list(p.languagesSpokenIds())),
                d,
                p.minor(),
                p.dateOfEvent(),
                p.fatherName(),
                p.motherName(),
                list(p.identityDocuments()).stream().map(doc -> new IdentityDocument(
                        c.in("document-types", doc.documentTypeId()), doc.documentNumber(),
                        c.in("countries", doc.issuingCountryId()), doc.expiryDate())).toList(),
                list(p.phoneNumbers()),
                list(p.emails()),
                list(p.socialMedia()).stream().map(s -> new SocialMediaHandle(s.platform(), s.handle())).toList(),
                list(p.organisations()).stream().map(org -> new Organisation(org.name(), org.type(),
                        c.in("countries", org.countryId()))).toList(),
                list(p.vehicles()).stream().map(v -> new Vehicle(v.make(), v.model(), v.colour(), v.registration(),
                        c.in("countries", v.registrationCountryId()))).toList(),
                list(p.financialAccounts()).stream().map(f -> new FinancialAccount(f.institution(), f.accountNumber(),
                        c.in("countries", f.countryId()), c.currency(f.currencyId()))).toList(),
                w == null ? null : new Warrant(w.reference(), w.issuingAuthority(), c.in("countries", w.issuingCountryId()),
                        w.dateOfIssue(), w.charge(), w.chargeTranslation()))
                .withVictimCare(PartnerVictimCare.toCanadian(p.victimCare()));
    }
}
