package ca.passage.notice;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;

/**
 * Who is a minor in a notice: a person under 18 at the offence, whatever their role (victims; suspects, under the
 * Youth Criminal Justice Act; witnesses; reporting persons). The offence date is the earliest dated event, or the
 * notice's creation date when no event has a date. A person is a minor when flagged {@code minor}, when the date of
 * birth makes them under 18 at the offence date, or (without a date of birth) when the estimated age is under 18.
 * Criminal Code s. 279.011 is trafficking of a person under 18: it implies a minor victim.
 */
public final class Minors {

    public static final String SECTION_MINOR_TRAFFICKING = "CC-279.011";

    private Minors() {
    }

    public static LocalDate offenceDate(CaseNotice n) {
        return n.events().stream().map(TraffickingEvent::date).filter(Objects::nonNull).min(LocalDate::compareTo)
                .orElse(n.dates().created().toLocalDate());
    }

    /** Age in whole years at the offence date, from the date of birth; null without one. */
    public static Integer ageAtOffence(Person p, LocalDate offenceDate) {
        return p.dateOfBirth() == null ? null : Period.between(p.dateOfBirth(), offenceDate).getYears();
    }

    public static boolean isMinor(Person p, LocalDate offenceDate) {
        Integer age = ageAtOffence(p, offenceDate);
        if (age != null) {
            return age < 18 || p.minor();
        }
        return p.minor() || p.estimatedAge() != null && p.estimatedAge() < 18;
    }

    /** The persons who were minors at the offence. */
    public static List<Person> minorsIn(CaseNotice n) {
        LocalDate at = offenceDate(n);
        return n.persons().stream().filter(p -> isMinor(p, at)).toList();
    }

    public static boolean impliesMinorVictim(CaseNotice n) {
        return n.offence().sections().contains(SECTION_MINOR_TRAFFICKING);
    }
}
