package ca.passage.report;

import java.util.List;

/**
 * A two-way table of counts before publication: one row per category of {@code rowDimension}, one column per
 * category of {@code columnDimension}, with the row totals, column totals and grand total computed from the cells.
 */
public record CrossTab(String id, String title, String rowDimension, String columnDimension,
                       List<String> rowLabels, List<String> columnLabels, int[][] cells) {

    public CrossTab {
        rowLabels = List.copyOf(rowLabels);
        columnLabels = List.copyOf(columnLabels);
        if (cells.length != rowLabels.size()) {
            throw new IllegalArgumentException(id + ": " + cells.length + " rows of cells for " + rowLabels.size() + " labels");
        }
        int[][] copy = new int[cells.length][];
        for (int r = 0; r < cells.length; r++) {
            if (cells[r].length != columnLabels.size()) {
                throw new IllegalArgumentException(id + ": row " + r + " has " + cells[r].length + " cells for "
                        + columnLabels.size() + " columns");
            }
            copy[r] = cells[r].clone();
        }
        cells = copy;
    }

    /**
     * The table with its margins: an (R+1) x (C+1) matrix whose last column holds the row totals, whose last row
     * holds the column totals, and whose corner holds the grand total.
     */
    public int[][] withMargins() {
        int rows = rowLabels.size();
        int cols = columnLabels.size();
        int[][] m = new int[rows + 1][cols + 1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m[r][c] = cells[r][c];
                m[r][cols] += cells[r][c];
                m[rows][c] += cells[r][c];
                m[rows][cols] += cells[r][c];
            }
        }
        return m;
    }
}
