package ca.passage.partner;

import ca.passage.notice.Asset;
import ca.passage.notice.CaseNotice;
import ca.passage.notice.Handling;
import ca.passage.notice.HandlingCode;
import ca.passage.notice.LegalBasis;
import ca.passage.notice.Location;
import ca.passage.notice.Minors;
import ca.passage.notice.Offence;
import ca.passage.notice.Person;
import ca.passage.notice.PersonRole;
import ca.passage.notice.TraffickingEvent;
import ca.passage.notice.VictimCare;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a partner's {@link SharingAgreement} to a notice before anything is translated or signed. What the
 * agreement does not allow is removed, or generalised where the agreement allows a coarser form.
 *
 * <p>Category → field table (R is the identity category of the person's role: VICTIM → VICTIM_IDENTITY,
 * SUSPECT → SUSPECT_IDENTITY, WITNESS and REPORTING_PERSON → WITNESS_IDENTITY). Person-attached data always needs R
 * in addition to its own category: a victim's phone number identifies the victim.
 * <table>
 * <caption>Data categories and the notice fields they govern</caption>
 * <tr><th>category</th><th>fields sent only when allowed</th><th>when not allowed</th></tr>
 * <tr><td>R</td><td>person: familyName, givenNames, alias, dateOfBirth, placeOfBirth, language, fatherName,
 *     motherName, sex, nationality, minor, missingSince</td>
 *     <td>victim: generalised if VICTIM_DEMOGRAPHICS is allowed, else the person is removed; other roles: the
 *     person is removed</td></tr>
 * <tr><td>VICTIM_DEMOGRAPHICS</td><td>victim without VICTIM_IDENTITY: age band (from date of birth at the notice's
 *     creation date), sex, nationality, minor, missingSince; nothing else of the person</td>
 *     <td>the victim is removed</td></tr>
 * <tr><td>SUSPECT_IDENTITY</td><td>also the suspect's arrest warrant</td><td>warrant removed with the person</td></tr>
 * <tr><td>BIOMETRIC_REFERENCES</td><td>R + physicalDescription (height, weight, eyes, hair, distinguishing
 *     marks)</td><td>removed</td></tr>
 * <tr><td>TRAVEL_DOCUMENTS</td><td>R + document</td><td>removed</td></tr>
 * <tr><td>CONTACT_DATA</td><td>R + phone, email, socialMediaAccount</td><td>removed</td></tr>
 * <tr><td>ORGANISATIONS</td><td>R + organisation</td><td>removed</td></tr>
 * <tr><td>VEHICLES</td><td>R + vehicle</td><td>removed</td></tr>
 * <tr><td>FINANCIAL_DATA</td><td>R + financialAccount; the notice's assets</td><td>removed</td></tr>
 * <tr><td>MODUS_OPERANDI</td><td>offence: methodOfControl, recruitment, onlinePlatform, modusOperandi,
 *     concealmentMethod</td><td>removed (sections and exploitation types always go)</td></tr>
 * <tr><td>LOCATIONS</td><td>event: city, routeCountry</td><td>generalised to the event's country</td></tr>
 * <tr><td>(always)</td><td>notice id, version, agency and its point of contact, requested action, priority, legal
 *     basis, handling, grading, dates, language, summary, offence sections, exploitation types, event type and
 *     date</td><td>-</td></tr>
 * </table>
 * Free text that leaves (the release summary when the officer wrote one, else the summary) is then screened by
 * {@link FreeTextScreener}. The legal basis that travels is the partner's own agreement and the Canadian disclosure
 * authority ({@link #partnerLegalBasis}).
 *
 * <p>Handling code: the notice's code raised to at least the agreement's default, and to at least H2 where the
 * agreement does not allow onward transfer; a notice more restrictive than the agreement's maximum is refused. The
 * restriction text states H1 separately where it combines with H2, the onward-transfer and the retention terms.
 * Approval: needed when the notice involves a minor of any role at the offence date ({@link
 * ca.passage.notice.Minors}), when any victim identity field is left after the policy, or when the screener holds it.
 */
public final class SharingPolicy {

    private final FreeTextScreener screener = new FreeTextScreener();

    public SharingPolicy() {
    }

    public PolicyOutcome apply(CaseNotice notice, PartnerProfile partner) {
        SharingAgreement a = partner.agreement();
        HandlingCode code = handlingCode(notice, partner);
        Removals removed = new Removals(a.reference());
        Map<String, String> ageBands = new LinkedHashMap<>();
        LocalDate asOf = notice.dates().created().toLocalDate();

        List<Person> persons = new ArrayList<>();
        for (int i = 0; i < notice.persons().size(); i++) {
            Person p = notice.persons().get(i);
            Person kept = filterPerson(p, "/CaseNotice/person[" + (i + 1) + "]", a, removed, ageBands, asOf);
            if (kept != null) {
                persons.add(kept);
            }
        }

        List<Asset> assets = notice.assets();
        if (!a.allows(DataCategory.FINANCIAL_DATA) && !assets.isEmpty()) {
            for (int i = 0; i < assets.size(); i++) {
                removed.remove("/CaseNotice/asset[" + (i + 1) + "]", DataCategory.FINANCIAL_DATA);
            }
            assets = List.of();
        }

        Offence offence = notice.offence();
        if (!a.allows(DataCategory.MODUS_OPERANDI)) {
            Offence o = offence;
            removed.removeIf(!o.methodsOfControl().isEmpty(), "/CaseNotice/offence/methodOfControl", DataCategory.MODUS_OPERANDI);
            removed.removeIf(o.recruitment() != null, "/CaseNotice/offence/recruitment", DataCategory.MODUS_OPERANDI);
            removed.removeIf(!o.onlinePlatforms().isEmpty(), "/CaseNotice/offence/onlinePlatform", DataCategory.MODUS_OPERANDI);
            removed.removeIf(o.modusOperandi() != null, "/CaseNotice/offence/modusOperandi", DataCategory.MODUS_OPERANDI);
            removed.removeIf(!o.concealmentMethods().isEmpty(), "/CaseNotice/offence/concealmentMethod", DataCategory.MODUS_OPERANDI);
            offence = new Offence(o.sections(), o.exploitationTypes(), List.of(), null, List.of(), null, List.of());
        }

        List<TraffickingEvent> events = notice.events();
        if (!a.allows(DataCategory.LOCATIONS)) {
            List<TraffickingEvent> general = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                TraffickingEvent e = events.get(i);
                if (e.location().city() != null || !e.route().isEmpty()) {
                    removed.add("/CaseNotice/event[" + (i + 1) + "]", DataCategory.LOCATIONS,
                            "generalised to the event's country");
                }
                general.add(new TraffickingEvent(e.type(), e.date(), new Location(e.location().country(), null), List.of()));
            }
            events = general;
        }

        CaseNotice filtered = new CaseNotice(notice.schemaVersion(), notice.noticeId(), notice.nationalFileNumber(),
                notice.version(), notice.supersedes(), notice.originatingAgency(), notice.requestedAction(),
                notice.priority(), partnerLegalBasis(notice, a), new Handling(code, notice.handling().restriction()),
                notice.grading(),
                notice.dates(), notice.language(), summaryToRelease(notice), null, offence, events, persons, assets,
                List.of(partner.id()));
        FreeTextScreener.Result result = screener.screen(notice, filtered);
        CaseNotice screened = withCaveats(result.notice(), notice.handling().code(), a,
                anyVictimUnderSafetyCaveat(notice));

        List<String> reasons = new ArrayList<>(approvalReasons(notice, screened, partner));
        reasons.addAll(result.holdReasons());
        List<Removal> removals = new ArrayList<>(removed.all());
        result.redactions().forEach(r -> removals.add(new Removal(r.field(), r.kind().name(),
                "replaced by " + r.placeholder() + " in free text: an identifier of data agreement " + a.reference()
                        + " does not allow")));
        return new PolicyOutcome(screened, partner.id(), removed.categories(), code, ageBands,
                String.join("; ", reasons), result.redactions(), removals);
    }

    /**
     * The legal basis that travels to the partner: the agreement's own basis and reference (from the partner's
     * profile, not what the officer typed, which stays the case's own basis in the store), and the Canadian statute
     * under which this disclosure is made (the provincial one when a provincial or municipal service originates it).
     */
    public static LegalBasis partnerLegalBasis(CaseNotice notice, SharingAgreement a) {
        return new LegalBasis(a.legalBasis() + "; disclosed under "
                + a.domesticAuthorityFor(notice.originatingAgency().code()), a.reference());
    }

    /**
     * Caveats that travel: the code sent is at least H2 where the agreement does not allow onward transfer; H1 (no
     * use in judicial proceedings) and H2 (no passing on) are separate restrictions, so where the code sent is above
     * the H1 the notice asked for, the restriction text still states H1; the text states the onward-transfer term and
     * the retention term of the agreement, after the officer's own restriction.
     */
    private static CaseNotice withCaveats(CaseNotice n, HandlingCode requested, SharingAgreement a,
                                          boolean safetyCaveat) {
        HandlingCode code = n.handling().code();
        List<String> parts = new ArrayList<>();
        String officer = n.handling().restriction();
        if (officer != null && !officer.isBlank()) {
            parts.add(officer.strip());
        }
        boolean h1 = requested == HandlingCode.H1 || a.defaultHandlingCode() == HandlingCode.H1;
        if (h1 && code != HandlingCode.H1) {
            parts.add("H1: not to be used in judicial proceedings without the permission of Canada.");
        }
        if (a.onwardTransfer() != OnwardTransfer.ALLOWED) {
            parts.add("H2: not to be passed on to a third party without the permission of Canada (agreement "
                    + a.reference() + ": onward transfer " + (a.onwardTransfer() == OnwardTransfer.PROHIBITED
                    ? "prohibited" : "only with Canada's consent") + ").");
        }
        if (safetyCaveat) {
            parts.add("Safety caveat: a victim in this case is under a safety / no-contact caveat; contact Canada "
                    + "before any action concerning a victim.");
        }
        parts.add("Retain no longer than " + describe(a.retention()) + " (agreement " + a.reference() + ").");
        return new CaseNotice(n.schemaVersion(), n.noticeId(), n.nationalFileNumber(), n.version(), n.supersedes(),
                n.originatingAgency(), n.requestedAction(), n.priority(), n.legalBasis(),
                new Handling(code, String.join(" ", parts)), n.grading(), n.dates(), n.language(), n.summary(),
                n.releaseSummary(), n.offence(), n.events(), n.persons(), n.assets(), n.recipients());
    }

    private static String describe(Period p) {
        List<String> units = new ArrayList<>();
        if (p.getYears() > 0) {
            units.add(p.getYears() + (p.getYears() == 1 ? " year" : " years"));
        }
        if (p.getMonths() > 0) {
            units.add(p.getMonths() + (p.getMonths() == 1 ? " month" : " months"));
        }
        if (p.getDays() > 0) {
            units.add(p.getDays() + (p.getDays() == 1 ? " day" : " days"));
        }
        return String.join(" ", units);
    }

    /** The officer's release summary when there is one (written for partners), else the case summary. */
    private static String summaryToRelease(CaseNotice notice) {
        String release = notice.releaseSummary();
        return release != null && !release.isBlank() ? release : notice.summary();
    }

    /** The handling code to send: the notice's, raised to the agreement's default; refused above the maximum. */
    public static HandlingCode handlingCode(CaseNotice notice, PartnerProfile partner) {
        SharingAgreement a = partner.agreement();
        HandlingCode requested = notice.handling().code();
        if (requested.compareTo(a.maxHandlingCode()) > 0) {
            throw new SharingPolicyException(partner.id(), "notice " + notice.noticeId() + " has handling code "
                    + requested + ", more restrictive than " + a.maxHandlingCode()
                    + ", the most restrictive code agreement " + a.reference() + " accepts");
        }
        HandlingCode floor = a.onwardTransfer() == OnwardTransfer.ALLOWED || a.defaultHandlingCode().compareTo(HandlingCode.H2) > 0
                ? a.defaultHandlingCode() : HandlingCode.H2;
        if (floor.compareTo(a.maxHandlingCode()) > 0) {
            throw new SharingPolicyException(partner.id(), "agreement " + a.reference() + " does not allow onward "
                    + "transfer, which needs H2, but accepts no code above " + a.maxHandlingCode());
        }
        return requested.compareTo(floor) < 0 ? floor : requested;
    }

    /** The identity category of a role. */
    public static DataCategory identityCategory(PersonRole role) {
        return switch (role) {
            case VICTIM -> DataCategory.VICTIM_IDENTITY;
            case SUSPECT -> DataCategory.SUSPECT_IDENTITY;
            case WITNESS, REPORTING_PERSON -> DataCategory.WITNESS_IDENTITY;
        };
    }

    /**
     * Whether a person carries anything that identifies them: names, aliases, date or place of birth, parents,
     * languages, physical description, documents, contact data, organisations, vehicles, financial accounts or a
     * warrant. Role, sex, nationality, minor and missingSince alone do not.
     */
    public static boolean carriesIdentity(Person p) {
        return p.familyName() != null || p.givenNames() != null || !p.aliases().isEmpty() || p.dateOfBirth() != null
                || p.placeOfBirth() != null || p.fatherName() != null || p.motherName() != null
                || !p.languages().isEmpty() || p.physicalDescription() != null || !p.documents().isEmpty()
                || !p.phones().isEmpty() || !p.emails().isEmpty() || !p.socialMedia().isEmpty()
                || !p.organisations().isEmpty() || !p.vehicles().isEmpty() || !p.financialAccounts().isEmpty()
                || p.warrant() != null;
    }

    /** The age band of someone born on {@code dateOfBirth}, as of {@code asOf}: 0-5, 6-11, 12-14, 15-17, 18-24, ... 65+. */
    public static String ageBand(LocalDate dateOfBirth, LocalDate asOf) {
        int age = Math.max(0, Period.between(dateOfBirth, asOf).getYears());
        int[][] bands = {{0, 5}, {6, 11}, {12, 14}, {15, 17}, {18, 24}, {25, 34}, {35, 44}, {45, 54}, {55, 64}};
        for (int[] b : bands) {
            if (age <= b[1]) {
                return b[0] + "-" + b[1];
            }
        }
        return "65+";
    }

    private static Person filterPerson(Person p, String path, SharingAgreement a, Removals removed,
                                       Map<String, String> ageBands, LocalDate asOf) {
        DataCategory identity = identityCategory(p.role());
        if (!a.allows(identity)) {
            if (p.role() == PersonRole.VICTIM && a.allows(DataCategory.VICTIM_DEMOGRAPHICS)) {
                if (carriesIdentity(p)) {
                    removed.add(path, identity, "generalised to age band, sex, nationality, minor and missing-since: "
                            + "agreement " + a.reference() + " allows VICTIM_DEMOGRAPHICS, not " + identity);
                }
                noteAttached(p, path, a, removed, true);
                if (p.dateOfBirth() != null) {
                    ageBands.put(p.personId(), ageBand(p.dateOfBirth(), asOf));
                } else if (p.estimatedAge() != null) {
                    ageBands.put(p.personId(), ageBand(asOf.minusYears(p.estimatedAge()), asOf));
                }
                return new Person(p.personId(), p.role(), null, null, List.of(), null, null, p.sex(),
                        p.nationalities(), null, List.of(), null, p.minor(), p.missingSince(), null, null, List.of(),
                        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
                        releasableCare(p.victimCare(), path, a, removed));
            }
            removed.add(path, identity, "person removed: agreement " + a.reference() + " does not allow " + identity
                    + (p.role() == PersonRole.VICTIM ? " nor VICTIM_DEMOGRAPHICS" : ""));
            if (p.role() == PersonRole.VICTIM) {
                removed.add(path, DataCategory.VICTIM_DEMOGRAPHICS, "person removed: agreement " + a.reference()
                        + " does not allow VICTIM_DEMOGRAPHICS");
            }
            noteAttached(p, path, a, removed, true);
            return null;
        }
        noteAttached(p, path, a, removed, false);
        return new Person(p.personId(), p.role(), p.familyName(), p.givenNames(), p.aliases(), p.dateOfBirth(),
                p.estimatedAge(), p.sex(), p.nationalities(), p.placeOfBirth(), p.languages(),
                a.allows(DataCategory.BIOMETRIC_REFERENCES) ? p.physicalDescription() : null,
                p.minor(), p.missingSince(), p.fatherName(), p.motherName(),
                a.allows(DataCategory.TRAVEL_DOCUMENTS) ? p.documents() : List.of(),
                a.allows(DataCategory.CONTACT_DATA) ? p.phones() : List.of(),
                a.allows(DataCategory.CONTACT_DATA) ? p.emails() : List.of(),
                a.allows(DataCategory.CONTACT_DATA) ? p.socialMedia() : List.of(),
                a.allows(DataCategory.ORGANISATIONS) ? p.organisations() : List.of(),
                a.allows(DataCategory.VEHICLES) ? p.vehicles() : List.of(),
                a.allows(DataCategory.FINANCIAL_DATA) ? p.financialAccounts() : List.of(),
                p.warrant(), releasableCare(p.victimCare(), path, a, removed));
    }

    /**
     * A kept victim's victim-care fields as they may leave: consent, the safety caveat and the non-punishment flag
     * travel with the victim; self-identification and each referral only where the agreement names them.
     */
    private static VictimCare releasableCare(VictimCare c, String path, SharingAgreement a, Removals removed) {
        if (c == null) {
            return null;
        }
        Boolean selfIdentified = c.selfIdentified();
        if (selfIdentified != null && !a.names(VictimField.SELF_IDENTIFICATION)) {
            removed.notNamed(path + "/victimCare/selfIdentified", VictimField.SELF_IDENTIFICATION);
            selfIdentified = null;
        }
        List<VictimCare.Referral> referrals = new ArrayList<>();
        for (VictimCare.Referral r : c.referrals()) {
            if (a.names(VictimField.of(r))) {
                referrals.add(r);
            } else {
                removed.notNamed(path + "/victimCare/referral", VictimField.of(r));
            }
        }
        VictimCare kept = new VictimCare(c.consentToShare(), c.safetyCaveat(), selfIdentified, referrals,
                c.nonPunishment());
        return kept.isEmpty() ? null : kept;
    }

    /**
     * A victim under a safety or no-contact caveat protects every victim of the notice, including those this partner
     * does not receive: the restriction text says so, without the caveat itself (which travels with a kept victim).
     */
    private static boolean anyVictimUnderSafetyCaveat(CaseNotice n) {
        return n.personsIn(PersonRole.VICTIM).stream().anyMatch(p -> p.victimCare() != null
                && p.victimCare().safetyCaveat() != null && !p.victimCare().safetyCaveat().isBlank());
    }

    /**
     * Records the person-attached data that will not be sent: all that is present when the person's identity goes
     * ({@code all}), else what the agreement does not allow.
     */
    private static void noteAttached(Person p, String path, SharingAgreement a, Removals removed, boolean all) {
        note(p.physicalDescription() != null, path + "/physicalDescription", DataCategory.BIOMETRIC_REFERENCES, a, removed, all);
        note(!p.documents().isEmpty(), path + "/document", DataCategory.TRAVEL_DOCUMENTS, a, removed, all);
        note(!p.phones().isEmpty(), path + "/phone", DataCategory.CONTACT_DATA, a, removed, all);
        note(!p.emails().isEmpty(), path + "/email", DataCategory.CONTACT_DATA, a, removed, all);
        note(!p.socialMedia().isEmpty(), path + "/socialMediaAccount", DataCategory.CONTACT_DATA, a, removed, all);
        note(!p.organisations().isEmpty(), path + "/organisation", DataCategory.ORGANISATIONS, a, removed, all);
        note(!p.vehicles().isEmpty(), path + "/vehicle", DataCategory.VEHICLES, a, removed, all);
        note(!p.financialAccounts().isEmpty(), path + "/financialAccount", DataCategory.FINANCIAL_DATA, a, removed, all);
    }

    private static void note(boolean present, String path, DataCategory c, SharingAgreement a, Removals removed,
                             boolean all) {
        if (present && !a.allows(c)) {
            removed.remove(path, c);
        } else if (present && all) {
            removed.add(path, c, "removed with the person");
        }
    }

    /** What one application of the policy removed, in notice order, with the categories for the audit. */
    private static final class Removals {
        private final String agreement;
        private final List<Removal> all = new ArrayList<>();
        private final Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);

        Removals(String agreement) {
            this.agreement = agreement;
        }

        void add(String path, DataCategory category, String reason) {
            all.add(new Removal(path, category.name(), reason));
            categories.add(category);
        }

        /** Removed because the agreement does not allow the category. */
        void remove(String path, DataCategory category) {
            add(path, category, "removed: agreement " + agreement + " does not allow " + category);
        }

        /** A victim-centred field the agreement does not name. */
        void notNamed(String path, VictimField field) {
            all.add(new Removal(path, field.name(), "removed: agreement " + agreement + " does not name " + field
                    + " in victimFields"));
        }

        void removeIf(boolean present, String path, DataCategory category) {
            if (present) {
                remove(path, category);
            }
        }

        List<Removal> all() {
            return all;
        }

        Set<DataCategory> categories() {
            return categories;
        }
    }

    private static List<String> approvalReasons(CaseNotice original, CaseNotice filtered, PartnerProfile partner) {
        List<String> reasons = new ArrayList<>();
        List<Person> minors = Minors.minorsIn(original);
        if (Minors.impliesMinorVictim(original) || minors.stream().anyMatch(p -> p.role() == PersonRole.VICTIM)) {
            reasons.add("the notice involves a minor victim");
        }
        for (PersonRole role : List.of(PersonRole.SUSPECT, PersonRole.WITNESS, PersonRole.REPORTING_PERSON)) {
            List<String> ids = minors.stream().filter(p -> p.role() == role).map(Person::personId).toList();
            if (!ids.isEmpty()) {
                reasons.add("the notice involves a minor " + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + " (" + String.join(", ", ids) + ") at the offence date"
                        + (role == PersonRole.SUSPECT ? " (Youth Criminal Justice Act)" : ""));
            }
        }
        List<String> identified = filtered.personsIn(PersonRole.VICTIM).stream()
                .filter(SharingPolicy::carriesIdentity).map(Person::personId).toList();
        if (!identified.isEmpty()) {
            reasons.add("victim identity (" + String.join(", ", identified) + ") would leave Canada to partner "
                    + partner.id());
        }
        return reasons;
    }
}
