package ca.passage.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Which withheld entries of a table with margins could still be worked out exactly from what is published.
 * The table's equations are: for each row (the totals row included) the cells add up to the row's total, and for
 * each column (the totals column included) the cells add up to the column's total. Published entries are known;
 * a withheld entry is determined when its unit vector lies in the row space of the equations restricted to the
 * withheld entries (Gaussian elimination; the tables are small).
 */
public final class SuppressionAudit {

    private static final double EPS = 1e-9;

    private SuppressionAudit() {
    }

    /** The withheld entries {row, column} that published values determine; empty means the table is safe. */
    public static List<int[]> determinedEntries(boolean[][] suppressed) {
        int rows = suppressed.length;
        int cols = suppressed[0].length;
        List<int[]> unknowns = new ArrayList<>();
        int[][] index = new int[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                index[r][c] = -1;
                if (suppressed[r][c]) {
                    index[r][c] = unknowns.size();
                    unknowns.add(new int[]{r, c});
                }
            }
        }
        if (unknowns.isEmpty()) {
            return List.of();
        }
        List<double[]> equations = new ArrayList<>();
        for (int r = 0; r < rows; r++) { // cells of row r minus its total = 0
            double[] eq = new double[unknowns.size()];
            for (int c = 0; c < cols; c++) {
                if (index[r][c] >= 0) {
                    eq[index[r][c]] += c == cols - 1 ? -1 : 1;
                }
            }
            equations.add(eq);
        }
        for (int c = 0; c < cols; c++) { // cells of column c minus its total = 0
            double[] eq = new double[unknowns.size()];
            for (int r = 0; r < rows; r++) {
                if (index[r][c] >= 0) {
                    eq[index[r][c]] += r == rows - 1 ? -1 : 1;
                }
            }
            equations.add(eq);
        }
        int rank = rank(equations);
        List<int[]> determined = new ArrayList<>();
        for (int k = 0; k < unknowns.size(); k++) {
            List<double[]> withUnit = new ArrayList<>(equations);
            double[] unit = new double[unknowns.size()];
            unit[k] = 1;
            withUnit.add(unit);
            if (rank(withUnit) == rank) {
                determined.add(unknowns.get(k));
            }
        }
        return determined;
    }

    private static int rank(List<double[]> rowsIn) {
        double[][] a = new double[rowsIn.size()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = rowsIn.get(i).clone();
        }
        int n = a.length == 0 ? 0 : a[0].length;
        int rank = 0;
        for (int col = 0; col < n && rank < a.length; col++) {
            int pivot = -1;
            double best = EPS;
            for (int r = rank; r < a.length; r++) {
                if (Math.abs(a[r][col]) > best) {
                    best = Math.abs(a[r][col]);
                    pivot = r;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] tmp = a[rank];
            a[rank] = a[pivot];
            a[pivot] = tmp;
            for (int r = 0; r < a.length; r++) {
                if (r != rank && Math.abs(a[r][col]) > EPS) {
                    double f = a[r][col] / a[rank][col];
                    for (int c = col; c < n; c++) {
                        a[r][c] -= f * a[rank][c];
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}
