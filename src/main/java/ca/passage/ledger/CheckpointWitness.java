package ca.passage.ledger;

import com.fasterxml.jackson.core.JsonGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * Copies the ledger's signed checkpoints outside the database, in the order they were signed: appended to a
 * checkpoint log file (JSON Lines, the format {@link CheckpointExport} reads, so {@code audit verify --witness
 * FILE} checks the database against it) that operators ship to the auditors, and, when configured, posted one by
 * one to an HTTP witness endpoint that keeps its own copy. Someone who can rewrite the database, even from
 * scratch with fresh checkpoints, cannot make it match checkpoints already shipped.
 *
 * <p>The file is only ever appended to; a checkpoint is written once (the last witnessed sequence number is
 * read back from the file at start). The endpoint receives each checkpoint line as {@code application/json};
 * anything but a 2xx leaves it pending, tried again at the next {@link #publish}. The gateway publishes from the
 * {@code audit-checkpoint} timer route and at shutdown, so the copy trails the database by at most one period.
 */
public final class CheckpointWitness {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointWitness.class);

    private final Path file;
    private final URI endpoint;
    private final HttpClient http;
    private long lastInFile;
    private long lastAtEndpoint;

    /** {@code endpoint} may be null (file only). */
    public CheckpointWitness(Path file, URI endpoint) {
        this.file = file;
        this.endpoint = endpoint;
        this.http = endpoint == null ? null : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.lastInFile = Files.exists(file)
                    ? CheckpointExport.read(file).stream().mapToLong(Checkpoint::seq).max().orElse(0) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint log " + file + " cannot be read", e);
        }
        this.lastAtEndpoint = lastInFile;
    }

    public Path file() {
        return file;
    }

    /**
     * Witnesses every checkpoint of {@code checkpoints} (in sequence order) not yet witnessed. Returns how many
     * were appended to the file.
     */
    public synchronized int publish(List<Checkpoint> checkpoints) {
        int written = 0;
        for (Checkpoint cp : checkpoints) {
            if (cp.seq() <= lastInFile) {
                continue;
            }
            String line = line(cp);
            try {
                Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            } catch (IOException e) {
                throw new UncheckedIOException("checkpoint log " + file + " cannot be appended to", e);
            }
            lastInFile = cp.seq();
            written++;
        }
        if (endpoint != null) {
            for (Checkpoint cp : checkpoints) {
                if (cp.seq() > lastAtEndpoint && !post(cp)) {
                    break; // keep the order: the rest waits for the next publish
                }
            }
        }
        return written;
    }

    /** Every checkpoint in the database, witnessed if new. */
    public int publishFrom(AuditLedger ledger) {
        return publish(ledger.checkpoints());
    }

    private boolean post(Checkpoint cp) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(line(cp))).build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() / 100 == 2) {
                lastAtEndpoint = cp.seq();
                return true;
            }
            LOG.warn("checkpoint witness {} answered {} for checkpoint seq {}: tried again later", endpoint,
                    r.statusCode(), cp.seq());
        } catch (IOException e) {
            LOG.warn("checkpoint witness {} unreachable ({}): checkpoint seq {} tried again later", endpoint,
                    e.getMessage(), cp.seq());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static String line(Checkpoint cp) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = AuditExport.JSON.getFactory().createGenerator(w)) {
            CheckpointExport.writeJson(g, cp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
