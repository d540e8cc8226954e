package ca.passage.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Small-cell suppression for a two-way table with its totals.
 *
 * <p><b>Primary</b>: every entry (cell or total) with a count from 1 to {@code threshold - 1} is withheld; zeros
 * are published. <b>Complementary</b>: the table's rows and columns (totals included) are linear equations
 * ({@code cells of a row = its total}); a withheld entry alone in its row or column could be worked out by
 * subtraction, so a second entry of that line is withheld, the smallest non-zero one. Lines alone are not the
 * whole story (a withheld cell can be pinned down by combining several rows and columns), so the rule then checks
 * every withheld entry against the whole system of published equations and withholds more until none of them is
 * determined by what is published. Repeated until nothing changes; it always ends because each round withholds
 * at least one more entry.
 */
public final class CellSuppression {

    private final int threshold;

    public CellSuppression(int threshold) {
        if (threshold < 2) {
            throw new IllegalArgumentException("suppression threshold must be at least 2, was " + threshold);
        }
        this.threshold = threshold;
    }

    public PublishedTable publish(CrossTab table) {
        int[][] m = table.withMargins();
        int rows = m.length;
        int cols = m[0].length;
        boolean[][] primary = new boolean[rows][cols];
        boolean[][] suppressed = new boolean[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                primary[r][c] = m[r][c] > 0 && m[r][c] < threshold;
                suppressed[r][c] = primary[r][c];
            }
        }
        boolean changed = true;
        while (changed) {
            changed = protectLines(m, suppressed);
            if (!changed) {
                changed = protectDeterminedEntries(m, suppressed);
            }
        }
        return new PublishedTable(table, threshold, primary, suppressed);
    }

    /** Every row and column with exactly one withheld entry gets a second one. */
    private static boolean protectLines(int[][] m, boolean[][] s) {
        boolean changed = false;
        for (List<int[]> line : lines(m.length, m[0].length)) {
            long withheld = line.stream().filter(e -> s[e[0]][e[1]]).count();
            if (withheld == 1) {
                int[] pick = complement(m, s, line);
                s[pick[0]][pick[1]] = true;
                changed = true;
            }
        }
        return changed;
    }

    /** Finds a withheld entry that the published equations still determine, and withholds a partner for it. */
    private static boolean protectDeterminedEntries(int[][] m, boolean[][] s) {
        for (int[] entry : SuppressionAudit.determinedEntries(s)) {
            List<List<int[]>> candidates = List.of(row(entry[0], m[0].length), column(entry[1], m.length));
            for (List<int[]> line : candidates) {
                if (line.stream().anyMatch(e -> !s[e[0]][e[1]])) {
                    int[] pick = complement(m, s, line);
                    s[pick[0]][pick[1]] = true;
                    return true;
                }
            }
        }
        return false;
    }

    /** The entry to withhold in a line: the smallest non-zero published cell, else a total, else a zero. */
    private static int[] complement(int[][] m, boolean[][] s, List<int[]> line) {
        int rowsTotal = m.length - 1;
        int colsTotal = m[0].length - 1;
        int[] best = null;
        long bestKey = Long.MAX_VALUE;
        for (int[] e : line) {
            if (s[e[0]][e[1]]) {
                continue;
            }
            int v = m[e[0]][e[1]];
            boolean margin = e[0] == rowsTotal || e[1] == colsTotal;
            // non-zero interior cells first (smallest first), then non-zero totals, then zeros
            long key = (v == 0 ? 2L : margin ? 1L : 0L) * 1_000_000_000L + v;
            if (key < bestKey) {
                bestKey = key;
                best = e;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no entry left to withhold in a line with one withheld entry");
        }
        return best;
    }

    static List<List<int[]>> lines(int rows, int cols) {
        List<List<int[]>> lines = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            lines.add(row(r, cols));
        }
        for (int c = 0; c < cols; c++) {
            lines.add(column(c, rows));
        }
        return lines;
    }

    private static List<int[]> row(int r, int cols) {
        List<int[]> line = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            line.add(new int[]{r, c});
        }
        return line;
    }

    private static List<int[]> column(int c, int rows) {
        List<int[]> line = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            line.add(new int[]{r, c});
        }
        return line;
    }
}
