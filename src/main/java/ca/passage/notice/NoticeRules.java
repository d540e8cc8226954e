package ca.passage.notice;

import ca.passage.xml.Violation;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Business rules that an XSD cannot say: what each requested action needs, consistent dates and ages, and
 * recipients that exist. Runs on notices that already passed the schema.
 */
public final class NoticeRules {

    /** Answers whether a partner id may receive notices now; null when it may, else the reason it may not. */
    private final Function<String, String> recipientRefusal;

    public NoticeRules(Function<String, String> recipientRefusal) {
        this.recipientRefusal = recipientRefusal;
    }

    public List<Violation> check(CaseNotice notice, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        checkAction(notice, v);
        checkDates(notice, v);
        checkPersons(notice, today, v);
        checkHandling(notice, v);
        checkRecipients(notice, v);
        return List.copyOf(v);
    }

    private void checkAction(CaseNotice n, List<Violation> v) {
        RequestedAction action = n.requestedAction();
        String at = "/CaseNotice/requestedAction";
        if (action.kind() == ActionKind.NOTICE && action.colour() == null) {
            v.add(new Violation(at + "/colour", "a NOTICE needs a colour"));
        }
        if (action.kind() == ActionKind.DIFFUSION) {
            if (action.colour() != null) {
                v.add(new Violation(at + "/colour", "a DIFFUSION goes to chosen countries and has no colour"));
            }
            if (action.diffusionCountries().isEmpty()) {
                v.add(new Violation(at + "/diffusionCountry", "a DIFFUSION needs at least one country"));
            }
        }
        if (action.colour() == null) {
            return;
        }
        switch (action.colour()) {
            case RED -> {
                if (n.personsIn(PersonRole.SUSPECT).stream().noneMatch(p -> p.warrant() != null)) {
                    v.add(new Violation("/CaseNotice/person", "a RED notice needs a SUSPECT with an arrest warrant"));
                }
            }
            case YELLOW -> {
                if (n.persons().stream().noneMatch(Person::isMissing)) {
                    v.add(new Violation("/CaseNotice/person",
                            "a YELLOW notice needs a missing person (a person with missingSince)"));
                }
            }
            case BLUE, GREEN, ORANGE -> {
                if (n.persons().isEmpty()) {
                    v.add(new Violation("/CaseNotice/person",
                            "a " + action.colour() + " notice is about a person and needs at least one"));
                }
            }
            case PURPLE -> {
                if (isBlank(n.offence().modusOperandi())) {
                    v.add(new Violation("/CaseNotice/offence/modusOperandi",
                            "a PURPLE notice describes a modus operandi"));
                }
            }
            case SILVER -> {
                if (n.assets().isEmpty()) {
                    v.add(new Violation("/CaseNotice/asset", "a SILVER notice needs at least one asset"));
                }
            }
            case BLACK, UN_SC -> {
                // BLACK (unidentified body) and UN_SC carry whatever is known; nothing more is required here.
            }
        }
    }

    private static void checkDates(CaseNotice n, List<Violation> v) {
        NoticeDates d = n.dates();
        LocalDate created = d.created().toLocalDate();
        if (d.expires() != null && d.expires().isBefore(created)) {
            v.add(new Violation("/CaseNotice/dates/expires", "expires before the notice was created"));
        }
        if (d.reviewBy() != null && d.reviewBy().isBefore(created)) {
            v.add(new Violation("/CaseNotice/dates/reviewBy", "review date before the notice was created"));
        }
        if (n.supersedes() != null && n.version() < 2) {
            v.add(new Violation("/CaseNotice/version", "a notice that supersedes another must have version 2 or more"));
        }
    }

    private static void checkPersons(CaseNotice n, LocalDate today, List<Violation> v) {
        Set<String> ids = new HashSet<>();
        LocalDate offenceDate = Minors.offenceDate(n);
        boolean version11 = CaseNotice.SCHEMA_VERSION_1_1.equals(n.schemaVersion());
        if (n.releaseSummary() != null && !version11) {
            v.add(new Violation("/CaseNotice/releaseSummary", "releaseSummary needs schemaVersion 1.1"));
        }
        List<Person> victims = n.personsIn(PersonRole.VICTIM);
        if (Minors.impliesMinorVictim(n) && !victims.isEmpty()
                && victims.stream().noneMatch(p -> Minors.isMinor(p, offenceDate))) {
            v.add(new Violation("/CaseNotice/offence/section", "Criminal Code s. 279.011 is trafficking of a person "
                    + "under 18, but no victim of the notice is a minor at the offence date " + offenceDate));
        }
        for (int i = 0; i < n.persons().size(); i++) {
            Person p = n.persons().get(i);
            String at = "/CaseNotice/person[" + (i + 1) + "]";
            if (!ids.add(p.personId())) {
                v.add(new Violation(at + "/@personId", "personId " + p.personId() + " is used twice"));
            }
            if (p.dateOfBirth() != null) {
                if (p.dateOfBirth().isAfter(today)) {
                    v.add(new Violation(at + "/dateOfBirth", "date of birth is in the future"));
                } else {
                    int age = Minors.ageAtOffence(p, offenceDate);
                    if (age < 18 && !p.minor()) {
                        v.add(new Violation(at + "/minor", "the date of birth makes this person " + age
                                + " at the offence date " + offenceDate + ", a minor: set minor to true"));
                    } else if (age >= 18 && p.minor()) {
                        v.add(new Violation(at + "/minor", "minor is true, but the date of birth makes this person "
                                + age + " at the offence date " + offenceDate + ", an adult"));
                    }
                }
                if (p.estimatedAge() != null) {
                    v.add(new Violation(at + "/estimatedAge", "an estimated age is for a person without a date of birth"));
                }
            } else if (p.estimatedAge() != null && p.estimatedAge() < 18 && !p.minor()) {
                v.add(new Violation(at + "/minor", "the estimated age " + p.estimatedAge() + " makes this person a minor: "
                        + "set minor to true"));
            }
            if (p.estimatedAge() != null && !version11) {
                v.add(new Violation(at + "/estimatedAge", "estimatedAge needs schemaVersion 1.1"));
            }
            if (p.victimCare() != null && !version11) {
                v.add(new Violation(at + "/victimCare", "victimCare needs schemaVersion 1.1"));
            }
            if (p.victimCare() != null && p.role() != PersonRole.VICTIM) {
                v.add(new Violation(at + "/victimCare", "only a VICTIM can carry victim-care fields"));
            }
            if (p.victimCare() != null && p.victimCare().consentToShare() != null
                    && !p.victimCare().consentToShare().given() && !p.victimCare().consentToShare().scope().isEmpty()) {
                v.add(new Violation(at + "/victimCare/consentToShare/scope", "a scope needs consent given"));
            }
            if (p.warrant() != null && p.role() != PersonRole.SUSPECT) {
                v.add(new Violation(at + "/warrant", "only a SUSPECT can carry an arrest warrant"));
            }
            if (isBlank(p.familyName()) && isBlank(p.givenNames()) && p.aliases().isEmpty()
                    && p.physicalDescription() == null && p.dateOfBirth() == null) {
                v.add(new Violation(at, "a person needs a name, an alias, a date of birth or a description"));
            }
        }
    }

    private static void checkHandling(CaseNotice n, List<Violation> v) {
        if (n.handling().code() == HandlingCode.H3 && isBlank(n.handling().restriction())) {
            v.add(new Violation("/CaseNotice/handling/restriction", "handling code H3 needs the restriction text"));
        }
    }

    private void checkRecipients(CaseNotice n, List<Violation> v) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n.recipients().size(); i++) {
            String partner = n.recipients().get(i);
            String at = "/CaseNotice/recipient[" + (i + 1) + "]";
            if (!seen.add(partner)) {
                v.add(new Violation(at, "partner " + partner + " is named twice"));
                continue;
            }
            String refusal = recipientRefusal.apply(partner);
            if (refusal != null) {
                v.add(new Violation(at, refusal));
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
