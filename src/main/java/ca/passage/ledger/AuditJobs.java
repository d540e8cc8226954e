package ca.passage.ledger;

import ca.passage.store.MessageArchive;

import ca.passage.partner.PartnerProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The ledger's housekeeping, called by the timer routes in {@code routes/audit.camel.yaml} (the routes say
 * when, these methods say how): a time-based checkpoint during idle periods, the copy of the checkpoints to the
 * checkpoint log outside the database, and the purge of archived raw
 * messages past each partner agreement's retention.
 */
public final class AuditJobs {

    private static final Logger LOG = LoggerFactory.getLogger(AuditJobs.class);
    public static final String ACTOR = "system";

    private final AuditLedger ledger;
    private final MessageArchive archive;
    private final Supplier<? extends Collection<PartnerProfile>> partners;
    private final Clock clock;
    private final CheckpointWitness witness;

    public AuditJobs(AuditLedger ledger, MessageArchive archive, Supplier<? extends Collection<PartnerProfile>> partners,
                     Clock clock) {
        this(ledger, archive, partners, clock, null);
    }

    /** {@code partners} is read at every purge, so a reloaded registry's retention applies from the next run. */
    public AuditJobs(AuditLedger ledger, MessageArchive archive, Supplier<? extends Collection<PartnerProfile>> partners,
                     Clock clock, CheckpointWitness witness) {
        this.ledger = ledger;
        this.archive = archive;
        this.partners = partners;
        this.clock = clock;
        this.witness = witness;
    }

    /** Signs the chain head when the time-based checkpoint is due; the sequence number signed, or -1. */
    public long checkpointIfDue() {
        Optional<Checkpoint> cp = ledger.checkpointIfDue();
        cp.ifPresent(c -> LOG.info("audit checkpoint signed at seq {}", c.seq()));
        return cp.map(Checkpoint::seq).orElse(-1L);
    }

    /** Copies the checkpoints signed since the last call to the checkpoint log (and witness endpoint). */
    public int witnessCheckpoints() {
        return witness == null ? 0 : witness.publishFrom(ledger);
    }

    /**
     * Deletes every archived message older than its partner's agreement retention (calendar-exact: P5Y is
     * five years back from now in UTC) and records each deletion in the ledger with its digest. Messages of a
     * partner without a positive retention, or no longer configured, are kept.
     */
    public MessageArchive.PurgeResult purgeArchive() {
        Map<String, Duration> keep = retentionByPartner(partners.get(), clock.instant());
        MessageArchive.PurgeResult r = archive.purge(keep, null, ACTOR);
        if (r.purged() > 0) {
            LOG.info("archive purge: {} message(s) past retention deleted", r.purged());
        }
        return r;
    }

    static Map<String, Duration> retentionByPartner(Collection<PartnerProfile> profiles, Instant now) {
        Map<String, Duration> keep = new LinkedHashMap<>();
        for (PartnerProfile p : profiles) {
            Period retention = p.agreement() == null ? null : p.agreement().retention();
            if (retention == null || retention.isZero() || retention.isNegative()) {
                LOG.warn("partner {} has no positive archive retention: its archived messages are kept", p.id());
                continue;
            }
            Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(retention).toInstant();
            keep.put(p.id(), Duration.between(cutoff, now));
        }
        return keep;
    }
}
