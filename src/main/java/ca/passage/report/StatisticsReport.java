package ca.passage.report;

import java.time.LocalDate;
import java.util.List;

/**
 * The public statistics for a period, ready to publish: counts only, small cells withheld, no identifiers.
 *
 * @param from first day included
 * @param to   last day included
 */
public record StatisticsReport(LocalDate from, LocalDate to, int threshold, List<PublishedTable> tables) {

    public StatisticsReport {
        tables = List.copyOf(tables);
    }

    /** The short methodology note every output carries. */
    public String methodology() {
        return "Counts of case notices that Canadian liaison officers submitted to Passage for sharing with foreign "
                + "partners between " + from + " and " + to + " inclusive (by the day the gateway received them, UTC), "
                + "and of the persons named in them. Notices received from partners are not counted. A notice is "
                + "counted once in each exploitation type it names and once in each partner region it was addressed "
                + "to, so those tables may add up to more than the number of notices. Age bands are computed from the "
                + "date of birth on the day the notice was received; UNKNOWN when it is absent. "
                + "Cells and totals from 1 to " + (threshold - 1) + " are withheld and shown as \"" + PublishedTable.SUPPRESSED
                + "\" (primary suppression); further cells are withheld so that no withheld value can be worked out "
                + "from the row and column totals (complementary suppression). Zero is shown as 0. No identifier, "
                + "name or date of a person or case appears in this report.";
    }
}
