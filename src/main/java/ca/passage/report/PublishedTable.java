package ca.passage.report;

import java.util.List;

/**
 * A table as published: the counts with their margins (see {@link CrossTab#withMargins()}) and, for each entry,
 * whether it is withheld. {@code primary} marks entries withheld because they are small; {@code suppressed} adds
 * the entries withheld so that no small one can be worked out from the others (complementary suppression).
 * A suppressed entry's count never leaves this record: writers print {@link #SUPPRESSED} instead.
 */
public record PublishedTable(CrossTab source, int threshold, boolean[][] primary, boolean[][] suppressed) {

    public static final String SUPPRESSED = "x";

    public List<String> rowLabels() {
        return source.rowLabels();
    }

    public List<String> columnLabels() {
        return source.columnLabels();
    }

    /** Entry (r, c) of the table with margins: a row index equal to the row count is the totals row, and so on. */
    public boolean isSuppressed(int r, int c) {
        return suppressed[r][c];
    }

    public boolean isPrimary(int r, int c) {
        return primary[r][c];
    }

    /** The published text of entry (r, c): its count, or {@link #SUPPRESSED}. */
    public String text(int r, int c) {
        return suppressed[r][c] ? SUPPRESSED : String.valueOf(source.withMargins()[r][c]);
    }

    /** The published count of entry (r, c), or null when it is withheld. */
    public Integer value(int r, int c) {
        return suppressed[r][c] ? null : source.withMargins()[r][c];
    }

    public int suppressedCount() {
        int n = 0;
        for (boolean[] row : suppressed) {
            for (boolean s : row) {
                n += s ? 1 : 0;
            }
        }
        return n;
    }
}
