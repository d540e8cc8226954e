package ca.passage.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Exports the whole audit chain with its chain fields, so that the export verifies on its own
 * ({@link LedgerVerifier#verifyExport(Path)}).
 *
 * <p>JSON Lines: a header line ({@code "type":"header"}, chain head seq and hash), one {@code "type":"event"}
 * line per event (absent fields omitted), then one {@code "type":"checkpoint"} line per signed checkpoint.
 * CSV (RFC 4180, UTF-8): a header row, then one row per event; an empty cell is an absent field. A CSV export
 * carries no checkpoints: verify it with {@code --from-checkpoint}.
 */
public final class AuditExport {

    public enum Format {
        CSV, JSONL;

        public static Format of(String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }

    static final String[] CSV_HEADER = {"seq", "time", "actor", "action", "notice_id", "exchange_id", "message_id",
            "partner_id", "legal_basis", "handling_code", "digest", "outcome", "error_code", "prev_hash", "hash"};

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private final DataSource dataSource;
    private final Clock clock;

    public AuditExport(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Writes the whole chain, read in one consistent snapshot. Returns the number of events written. */
    public long export(Format format, Path out) {
        try (DbChainSource src = new DbChainSource(dataSource);
             BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            List<Checkpoint> cps = src.checkpoints();
            Optional<LedgerRecord> head = src.recordedHead();
            Iterator<LedgerRecord> it = src.records();
            long n = 0;
            if (format == Format.JSONL) {
                JsonGenerator g = FACTORY.createGenerator(w);
                g.setRootValueSeparator(null);
                g.writeStartObject();
                g.writeStringField("type", "header");
                g.writeStringField("format", "passage-audit-export");
                g.writeNumberField("version", 1);
                g.writeStringField("exportedAt", clock.instant().toString());
                if (head.isPresent()) {
                    g.writeNumberField("headSeq", head.get().seq());
                    g.writeStringField("headHash", head.get().hash());
                }
                g.writeEndObject();
                g.flush();
                w.write('\n');
                while (it.hasNext()) {
                    writeJson(g, it.next());
                    g.flush();
                    w.write('\n');
                    n++;
                }
                for (Checkpoint cp : cps) {
                    CheckpointExport.writeJson(g, cp);
                    g.flush();
                    w.write('\n');
                }
                g.close();
            } else {
                writeCsvRow(w, CSV_HEADER);
                while (it.hasNext()) {
                    LedgerRecord r = it.next();
                    AuditEvent e = r.event();
                    writeCsvRow(w, new String[]{Long.toString(r.seq()), e.time().toString(), e.actor(), e.action(),
                            e.noticeId(), e.exchangeId(), e.messageId(), e.partnerId(), e.legalBasis(),
                            e.handlingCode(), e.digest(), e.outcome(), e.errorCode(), r.prevHash(), r.hash()});
                    n++;
                }
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("writing export " + out.getFileName() + " failed", e);
        } catch (LedgerException e) {
            throw e;
        } catch (Exception e) {
            throw new LedgerException("export failed: " + e.getMessage(), e);
        }
    }

    static void writeJson(JsonGenerator g, LedgerRecord r) throws IOException {
        AuditEvent e = r.event();
        g.writeStartObject();
        g.writeStringField("type", "event");
        g.writeNumberField("seq", r.seq());
        g.writeStringField("time", e.time().toString());
        field(g, "actor", e.actor());
        field(g, "action", e.action());
        field(g, "noticeId", e.noticeId());
        field(g, "exchangeId", e.exchangeId());
        field(g, "messageId", e.messageId());
        field(g, "partnerId", e.partnerId());
        field(g, "legalBasis", e.legalBasis());
        field(g, "handlingCode", e.handlingCode());
        field(g, "digest", e.digest());
        field(g, "outcome", e.outcome());
        field(g, "errorCode", e.errorCode());
        g.writeStringField("prevHash", r.prevHash());
        g.writeStringField("hash", r.hash());
        g.writeEndObject();
    }

    private static void field(JsonGenerator g, String name, String v) throws IOException {
        if (v != null) {
            g.writeStringField(name, v);
        }
    }

    static void writeCsvRow(Writer w, String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            String v = cells[i];
            if (v == null) {
                continue;
            }
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                w.write('"');
                w.write(v.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(v);
            }
        }
        w.write("\r\n");
    }

    /** Splits one CSV record (no embedded line breaks: audit fields never contain control characters). */
    static List<String> parseCsvLine(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                out.add(cur.length() == 0 && !wasQuoted ? null : cur.toString());
                cur.setLength(0);
                wasQuoted = false;
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted CSV field");
        }
        out.add(cur.length() == 0 && !wasQuoted ? null : cur.toString());
        return out;
    }

    /** Opens an export file for verification; the format is taken from the first line. */
    static ChainSource open(Path file) throws IOException {
        return new FileChainSource(file);
    }

    /** An export file read as a chain source. Lookups rescan the file (they only happen at a break). */
    static final class FileChainSource implements ChainSource {
        private final Path file;
        private final boolean csv;
        private final List<Checkpoint> checkpoints = new ArrayList<>();
        private LedgerRecord head;
        private final List<BufferedReader> open = new ArrayList<>();

        FileChainSource(Path file) throws IOException {
            this.file = file;
            String first;
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                first = r.readLine();
                if (first == null) {
                    throw new IllegalArgumentException("export file is empty");
                }
                csv = first.startsWith("seq,");
                if (!csv) {
                    String line = first;
                    int no = 1;
                    while (line != null) {
                        if (!line.isBlank()) {
                            JsonNode n = parseJson(line, no);
                            String type = n.path("type").asText();
                            if (type.equals("header")) {
                                if (!"passage-audit-export".equals(n.path("format").asText())) {
                                    throw new IllegalArgumentException("not a Passage audit export (line 1)");
                                }
                                if (n.has("headSeq")) {
                                    head = new LedgerRecord(n.get("headSeq").asLong(), null, null,
                                            n.path("headHash").asText());
                                }
                            } else if (type.equals("checkpoint")) {
                                checkpoints.add(CheckpointExport.fromJson(n, no));
                            }
                        }
                        line = r.readLine();
                        no++;
                    }
                } else if (!String.join(",", CSV_HEADER).equals(first.strip())) {
                    throw new IllegalArgumentException("CSV header does not match a Passage audit export");
                }
            }
        }

        private static JsonNode parseJson(String line, int no) {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new IllegalArgumentException("line " + no + " is not JSON");
            }
        }

        @Override
        public Iterator<LedgerRecord> records() throws IOException {
            BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            open.add(r);
            r.readLine(); // header
            return new Iterator<>() {
                LedgerRecord next;
                int no = 1;

                @Override
                public boolean hasNext() {
                    if (next != null) {
                        return true;
                    }
                    try {
                        String line;
                        while ((line = r.readLine()) != null) {
                            no++;
                            if (line.isBlank()) {
                                continue;
                            }
                            next = parse(line, no);
                            if (next != null) {
                                return true;
                            }
                        }
                        return false;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public LedgerRecord next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    LedgerRecord r0 = next;
                    next = null;
                    return r0;
                }
            };
        }

        /** The record on a line, or null for a line that is not an event. */
        private LedgerRecord parse(String line, int no) {
            try {
                if (csv) {
                    List<String> c = parseCsvLine(line);
                    if (c.size() != CSV_HEADER.length) {
                        throw new IllegalArgumentException("line " + no + ": expected " + CSV_HEADER.length
                                + " fields, found " + c.size());
                    }
                    AuditEvent e = new AuditEvent(Instant.parse(c.get(1)), c.get(2), c.get(3), c.get(4), c.get(5),
                            c.get(6), c.get(7), c.get(8), c.get(9), c.get(10), c.get(11), c.get(12));
                    return new LedgerRecord(Long.parseLong(c.get(0)), e, c.get(13), c.get(14));
                }
                JsonNode n = parseJson(line, no);
                if (!"event".equals(n.path("type").asText())) {
                    return null;
                }
                AuditEvent e = new AuditEvent(Instant.parse(n.path("time").asText()), text(n, "actor"),
                        text(n, "action"), text(n, "noticeId"), text(n, "exchangeId"), text(n, "messageId"),
                        text(n, "partnerId"), text(n, "legalBasis"), text(n, "handlingCode"), text(n, "digest"),
                        text(n, "outcome"), text(n, "errorCode"));
                return new LedgerRecord(n.path("seq").asLong(), e, text(n, "prevHash"), text(n, "hash"));
            } catch (RuntimeException e) {
                if (e instanceof IllegalArgumentException && e.getMessage() != null
                        && e.getMessage().startsWith("line ")) {
                    throw e;
                }
                throw new IllegalArgumentException("line " + no + " is not a valid audit event: " + e.getMessage());
            }
        }

        private static String text(JsonNode n, String f) {
            JsonNode v = n.get(f);
            return v == null || v.isNull() ? null : v.asText();
        }

        @Override
        public OptionalLong seqOfHash(String hash) throws IOException {
            Iterator<LedgerRecord> it = records();
            while (it.hasNext()) {
                LedgerRecord r = it.next();
                if (hash.equals(r.hash())) {
                    return OptionalLong.of(r.seq());
                }
            }
            return OptionalLong.empty();
        }

        @Override
        public boolean hasSeq(long seq) throws IOException {
            Iterator<LedgerRecord> it = records();
            while (it.hasNext()) {
                if (it.next().seq() == seq) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public long count() throws IOException {
            long n = 0;
            Iterator<LedgerRecord> it = records();
            while (it.hasNext()) {
                it.next();
                n++;
            }
            return n;
        }

        @Override
        public Optional<LedgerRecord> recordedHead() {
            return Optional.ofNullable(head);
        }

        @Override
        public List<Checkpoint> checkpoints() {
            return checkpoints;
        }

        @Override
        public void close() throws IOException {
            for (BufferedReader r : open) {
                r.close();
            }
        }
    }
}
