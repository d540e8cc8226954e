package ca.passage.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The three outputs of {@code ./passage report statistics}; each carries the methodology note. */
public enum StatisticsFormat {
    CSV, HTML, JSON;

    public String write(StatisticsReport report) {
        return switch (this) {
            case CSV -> csv(report);
            case HTML -> html(report);
            case JSON -> json(report);
        };
    }

    /** Long format, one published entry a line; totals are rows or columns labelled TOTAL. */
    private static String csv(StatisticsReport report) {
        StringBuilder out = new StringBuilder();
        out.append("# Passage public statistics ").append(report.from()).append(" to ").append(report.to()).append('\n');
        out.append("# ").append(report.methodology()).append('\n');
        out.append("table,row_dimension,row,column_dimension,column,value\n");
        for (PublishedTable t : report.tables()) {
            List<String> rows = withTotal(t.rowLabels());
            List<String> cols = withTotal(t.columnLabels());
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < cols.size(); c++) {
                    out.append(t.source().id()).append(',').append(csvText(t.source().rowDimension())).append(',')
                            .append(rows.get(r)).append(',').append(csvText(t.source().columnDimension())).append(',')
                            .append(cols.get(c)).append(',').append(t.text(r, c)).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String csvText(String s) {
        return s.contains(",") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** A standalone page: one table per dimension pair, withheld entries marked and explained. */
    private static String html(StatisticsReport report) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Passage public statistics</title><style>body{font-family:sans-serif;color:#1b1b1b}"
                + "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #555;padding:.25em .5em;"
                + "text-align:right}th[scope=row]{text-align:left}td.suppressed{background:#eee}</style></head><body>\n");
        out.append("<h1>Passage public statistics, ").append(report.from()).append(" to ").append(report.to()).append("</h1>\n");
        out.append(tablesHtml(report));
        out.append("</body></html>\n");
        return out.toString();
    }

    /** The tables and the methodology as an HTML fragment (the console's statistics page uses it too). */
    public static String tablesHtml(StatisticsReport report) {
        StringBuilder out = new StringBuilder();
        out.append("<p class=\"methodology\"><strong>Methodology.</strong> ").append(escape(report.methodology())).append("</p>\n");
        for (PublishedTable t : report.tables()) {
            List<String> rows = withTotal(t.rowLabels());
            List<String> cols = withTotal(t.columnLabels());
            out.append("<table id=\"").append(t.source().id()).append("\"><caption>").append(escape(t.source().title()))
                    .append("</caption>\n<thead><tr><th scope=\"col\">").append(escape(t.source().rowDimension())).append("</th>");
            cols.forEach(c -> out.append("<th scope=\"col\">").append(escape(c)).append("</th>"));
            out.append("</tr></thead>\n<tbody>\n");
            for (int r = 0; r < rows.size(); r++) {
                out.append("<tr><th scope=\"row\">").append(escape(rows.get(r))).append("</th>");
                for (int c = 0; c < cols.size(); c++) {
                    if (t.isSuppressed(r, c)) {
                        out.append("<td class=\"suppressed\"><abbr title=\"withheld: small count or needed to protect one\">")
                                .append(PublishedTable.SUPPRESSED).append("</abbr></td>");
                    } else {
                        out.append("<td>").append(t.text(r, c)).append("</td>");
                    }
                }
                out.append("</tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        return out.toString();
    }

    private static String json(StatisticsReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("from", report.from().toString());
        root.put("to", report.to().toString());
        root.put("threshold", report.threshold());
        root.put("suppressedMarker", "null value with \"suppressed\": true");
        root.put("methodology", report.methodology());
        List<Object> tables = new ArrayList<>();
        for (PublishedTable t : report.tables()) {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("id", t.source().id());
            table.put("title", t.source().title());
            table.put("rowDimension", t.source().rowDimension());
            table.put("columnDimension", t.source().columnDimension());
            List<String> rows = withTotal(t.rowLabels());
            List<String> cols = withTotal(t.columnLabels());
            table.put("columns", cols);
            List<Object> rowList = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                List<Object> cells = new ArrayList<>();
                for (int c = 0; c < cols.size(); c++) {
                    Map<String, Object> cell = new LinkedHashMap<>();
                    cell.put("value", t.value(r, c));
                    if (t.isSuppressed(r, c)) {
                        cell.put("suppressed", true);
                    }
                    cells.add(cell);
                }
                rowList.add(Map.of("label", rows.get(r), "cells", cells));
            }
            table.put("rows", rowList);
            tables.add(table);
        }
        root.put("tables", tables);
        try {
            return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the statistics as JSON", e);
        }
    }

    private static List<String> withTotal(List<String> labels) {
        List<String> all = new ArrayList<>(labels);
        all.add("TOTAL");
        return all;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
