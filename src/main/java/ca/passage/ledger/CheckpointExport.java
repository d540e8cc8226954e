package ca.passage.ledger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Signed checkpoints to and from a JSON Lines file that an auditor keeps outside the gateway, one
 * {@code {"type":"checkpoint","seq":..,"headHash":..,"signedAt":..,"algorithm":..,"keyId":..,"signature":..}}
 * per line. Verifying the database against such a file detects a truncated tail even when the database's own
 * checkpoints and chain head were cut back too.
 */
public final class CheckpointExport {

    private CheckpointExport() {
    }

    public static int export(DataSource ds, Path out) {
        List<Checkpoint> cps;
        try (Connection c = ds.getConnection()) {
            cps = LedgerRows.checkpoints(c);
        } catch (SQLException e) {
            throw new LedgerException("reading checkpoints failed: " + e.getMessage(), e);
        }
        write(cps, out);
        return cps.size();
    }

    public static void write(List<Checkpoint> cps, Path out) {
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             JsonGenerator g = AuditExport.JSON.getFactory().createGenerator(w)) {
            g.setRootValueSeparator(null);
            for (Checkpoint cp : cps) {
                writeJson(g, cp);
                g.flush();
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing checkpoints to " + out.getFileName() + " failed", e);
        }
    }

    /** Reads a checkpoint file; a malformed line is an {@link IllegalArgumentException} naming the line. */
    public static List<Checkpoint> read(Path file) throws IOException {
        List<Checkpoint> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = AuditExport.JSON.readTree(line);
                } catch (IOException e) {
                    throw new IllegalArgumentException("checkpoint file line " + no + " is not JSON");
                }
                if ("checkpoint".equals(n.path("type").asText())) {
                    out.add(fromJson(n, no));
                }
            }
        }
        return out;
    }

    static void writeJson(JsonGenerator g, Checkpoint cp) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "checkpoint");
        g.writeNumberField("seq", cp.seq());
        g.writeStringField("headHash", cp.headHash());
        g.writeStringField("signedAt", cp.signedAt().toString());
        g.writeStringField("algorithm", cp.algorithm());
        g.writeStringField("keyId", cp.keyId());
        g.writeStringField("signature", cp.signature());
        g.writeEndObject();
    }

    static Checkpoint fromJson(JsonNode n, int line) {
        try {
            if (!n.path("seq").canConvertToLong()) {
                throw new IllegalArgumentException("seq");
            }
            return new Checkpoint(n.get("seq").asLong(), req(n, "headHash"), Instant.parse(req(n, "signedAt")),
                    req(n, "algorithm"), req(n, "keyId"), req(n, "signature"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("line " + line + " is not a valid checkpoint (" + e.getMessage() + ")");
        }
    }

    private static String req(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing " + f);
        }
        return v.asText();
    }
}
