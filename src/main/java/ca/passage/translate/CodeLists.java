package ca.passage.translate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every code list Passage translates with, loaded once from {@code src/main/resources/codelists/*.tsv} (listed in
 * {@code codelists/index.txt}). Each file is a table: a header row naming columns ({@code ca} is the Canadian value,
 * the other columns are partner format ids such as {@code us-niem}), then one row per value. A cell {@code -} means
 * "this partner has no equivalent": looking it up is an error, never a silent drop or pass-through.
 *
 * <p>Canadian values are matched case-insensitively (eye colours are free text in the notice); partner codes are
 * matched exactly.
 */
public final class CodeLists {

    public static final String NO_EQUIVALENT = "-";
    private static final String ROOT = "codelists/";

    private static volatile CodeLists standard;

    private final Map<String, Table> tables;

    private CodeLists(Map<String, Table> tables) {
        this.tables = Collections.unmodifiableMap(tables);
    }

    /** The shipped code lists, read from the classpath on first use and shared afterwards. */
    public static CodeLists standard() {
        CodeLists s = standard;
        if (s == null) {
            synchronized (CodeLists.class) {
                s = standard;
                if (s == null) {
                    s = load(CodeLists.class.getClassLoader());
                    standard = s;
                }
            }
        }
        return s;
    }

    static CodeLists load(ClassLoader loader) {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (String name : lines(loader, ROOT + "index.txt")) {
            tables.put(name, Table.parse(name, lines(loader, ROOT + name + ".tsv")));
        }
        return new CodeLists(tables);
    }

    public Table table(String list) {
        Table t = tables.get(list);
        if (t == null) {
            throw new IllegalArgumentException("no code list " + list + " (known: " + String.join(", ", tables.keySet()) + ")");
        }
        return t;
    }

    public List<String> names() {
        return List.copyOf(tables.keySet());
    }

    /** The partner's code for a Canadian value; empty when the list has no row or the cell is {@code -}. */
    public Optional<String> toPartner(String list, String column, String canadianValue) {
        return table(list).forward(column, canadianValue);
    }

    /** The Canadian value for a partner's code (first row wins); empty when none. */
    public Optional<String> toCanadian(String list, String column, String partnerCode) {
        return table(list).reverse(column, partnerCode);
    }

    private static List<String> lines(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("code list resource not found on the classpath: " + resource);
            }
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        out.add(line.strip().equals(line) ? line : line.stripTrailing());
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** One code list: the header's columns and, per column, the forward and reverse indexes. */
    public static final class Table {
        private final String name;
        private final List<String> columns;
        private final List<List<String>> rows;
        private final Map<String, Map<String, String>> forward = new HashMap<>();
        private final Map<String, Map<String, String>> reverse = new HashMap<>();

        private Table(String name, List<String> columns, List<List<String>> rows) {
            this.name = name;
            this.columns = List.copyOf(columns);
            this.rows = List.copyOf(rows);
            for (int c = 1; c < columns.size(); c++) {
                Map<String, String> fwd = new HashMap<>();
                Map<String, String> rev = new HashMap<>();
                for (List<String> row : rows) {
                    String ca = row.get(0);
                    String code = row.get(c);
                    if (NO_EQUIVALENT.equals(code)) {
                        continue;
                    }
                    fwd.putIfAbsent(ca.toLowerCase(Locale.ROOT), code);
                    rev.putIfAbsent(code, ca);
                }
                forward.put(columns.get(c), fwd);
                reverse.put(columns.get(c), rev);
            }
        }

        static Table parse(String name, List<String> lines) {
            if (lines.isEmpty()) {
                throw new IllegalStateException("code list " + name + " is empty");
            }
            List<String> header = List.of(lines.get(0).split("\t"));
            if (!"ca".equals(header.get(0))) {
                throw new IllegalStateException("code list " + name + ": the first column must be 'ca'");
            }
            List<List<String>> rows = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                List<String> cells = List.of(lines.get(i).split("\t"));
                if (cells.size() < header.size()) {
                    throw new IllegalStateException("code list " + name + ", row " + i + ": expected " + header.size()
                            + " columns, found " + cells.size());
                }
                rows.add(cells.subList(0, header.size()));
            }
            return new Table(name, header, rows);
        }

        public String name() {
            return name;
        }

        public List<String> columns() {
            return columns;
        }

        public List<List<String>> rows() {
            return rows;
        }

        public boolean hasColumn(String column) {
            return forward.containsKey(column);
        }

        Optional<String> forward(String column, String canadianValue) {
            return Optional.ofNullable(index(forward, column).get(canadianValue.toLowerCase(Locale.ROOT)));
        }

        Optional<String> reverse(String column, String code) {
            return Optional.ofNullable(index(reverse, column).get(code));
        }

        private Map<String, String> index(Map<String, Map<String, String>> indexes, String column) {
            Map<String, String> m = indexes.get(column);
            if (m == null) {
                throw new IllegalArgumentException("code list " + name + " has no column " + column);
            }
            return m;
        }
    }
}
