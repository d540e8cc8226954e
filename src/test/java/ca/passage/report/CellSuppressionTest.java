package ca.passage.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CellSuppressionTest {

    private final CellSuppression suppression = new CellSuppression(5);

    private static CrossTab table(int[][] cells) {
        List<String> rows = new java.util.ArrayList<>();
        for (int r = 0; r < cells.length; r++) {
            rows.add("r" + r);
        }
        List<String> cols = new java.util.ArrayList<>();
        for (int c = 0; c < cells[0].length; c++) {
            cols.add("c" + c);
        }
        return new CrossTab("t", "t", "row", "column", rows, cols, cells);
    }

    @Test
    void countsFromOneToFourAreWithheldAndZerosAndLargeCountsArePublished() {
        PublishedTable t = suppression.publish(table(new int[][]{
                {20, 3, 0},
                {30, 12, 9},
                {25, 14, 7}}));
        assertThat(t.isPrimary(0, 1)).isTrue();
        assertThat(t.text(0, 1)).isEqualTo(PublishedTable.SUPPRESSED);
        assertThat(t.isSuppressed(0, 2)).as("a zero is published").isFalse();
        assertThat(t.text(0, 2)).isEqualTo("0");
        assertThat(t.text(1, 0)).isEqualTo("30");
        assertThat(t.isPrimary(1, 0)).isFalse();
    }

    @Test
    void aSmallCellAloneInItsRowAndColumnGetsComplementsSoTheTotalsCannotGiveItAway() {
        int[][] cells = {
                {20, 3, 0},
                {30, 12, 9},
                {25, 14, 7}};
        PublishedTable t = suppression.publish(table(cells));
        // row 0 total is published (23): without a complement, 23 - 20 - 0 = 3 would give the cell away
        assertThat(withheldIn(t, row(t, 0))).isGreaterThanOrEqualTo(2);
        assertThat(withheldIn(t, column(t, 1))).isGreaterThanOrEqualTo(2);
        assertThat(t.suppressedCount()).isGreaterThan(1);
        assertThat(SuppressionAudit.determinedEntries(t.suppressed())).isEmpty();
    }

    @Test
    void theComplementIsTheSmallestNonZeroCellOfTheLine() {
        PublishedTable t = suppression.publish(table(new int[][]{
                {40, 2, 11, 30},
                {35, 50, 60, 9},
                {44, 41, 8, 70}}));
        // row 0: 2 is primary; the smallest other non-zero cell in the row is 11
        assertThat(t.isSuppressed(0, 2)).isTrue();
        assertThat(t.isPrimary(0, 2)).isFalse();
    }

    @Test
    void aSmallTotalIsWithheldToo() {
        PublishedTable t = suppression.publish(table(new int[][]{
                {1, 2, 0},
                {30, 12, 9},
                {25, 14, 7}}));
        int totalColumn = t.columnLabels().size();
        assertThat(t.isPrimary(0, totalColumn)).as("row total 3 is itself a small count").isTrue();
        assertThat(SuppressionAudit.determinedEntries(t.suppressed())).isEmpty();
    }

    @Test
    void nothingIsWithheldWhenEveryCountIsZeroOrAtLeastTheThreshold() {
        PublishedTable t = suppression.publish(table(new int[][]{{5, 0}, {7, 12}}));
        assertThat(t.suppressedCount()).isZero();
    }

    @Test
    void theAuditFindsACellThatTotalsGiveAway() {
        // one withheld cell, everything else published: the row total gives it away
        boolean[][] s = new boolean[3][3];
        s[0][0] = true;
        assertThat(SuppressionAudit.determinedEntries(s)).hasSize(1);
        // a withheld rectangle (two rows x two columns) cannot be worked out
        boolean[][] rect = new boolean[3][3];
        rect[0][0] = rect[0][1] = rect[1][0] = rect[1][1] = true;
        assertThat(SuppressionAudit.determinedEntries(rect)).isEmpty();
    }

    @Test
    void onRandomTablesNoWithheldValueCanBeWorkedOutFromThePublishedOnes() {
        Random random = new Random(20261204L);
        for (int round = 0; round < 300; round++) {
            int rows = 2 + random.nextInt(6);
            int cols = 2 + random.nextInt(8);
            int[][] cells = new int[rows][cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int kind = random.nextInt(4);
                    cells[r][c] = kind == 0 ? 0 : kind == 1 ? 1 + random.nextInt(4) : 5 + random.nextInt(60);
                }
            }
            PublishedTable t = suppression.publish(table(cells));
            int[][] m = t.source().withMargins();
            for (int r = 0; r <= rows; r++) {
                for (int c = 0; c <= cols; c++) {
                    if (m[r][c] > 0 && m[r][c] < 5) {
                        assertThat(t.isSuppressed(r, c)).as("small entry (%d,%d) of round %d", r, c, round).isTrue();
                    }
                }
            }
            for (List<int[]> line : CellSuppression.lines(rows + 1, cols + 1)) {
                assertThat(withheldIn(t, line)).as("round %d", round).isNotEqualTo(1);
            }
            assertThat(SuppressionAudit.determinedEntries(t.suppressed())).as("round %d", round).isEmpty();
        }
    }

    private static List<int[]> row(PublishedTable t, int r) {
        return CellSuppression.lines(t.rowLabels().size() + 1, t.columnLabels().size() + 1).get(r);
    }

    private static List<int[]> column(PublishedTable t, int c) {
        return CellSuppression.lines(t.rowLabels().size() + 1, t.columnLabels().size() + 1)
                .get(t.rowLabels().size() + 1 + c);
    }

    private static long withheldIn(PublishedTable t, List<int[]> line) {
        return line.stream().filter(e -> t.isSuppressed(e[0], e[1])).count();
    }
}
