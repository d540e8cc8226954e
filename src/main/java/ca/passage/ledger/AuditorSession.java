package ca.passage.ledger;

import ca.passage.ledger.AuditorAccess.Principal;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * What an auditor can do, and nothing more: verify, search, export, report. Every call is appended to the
 * ledger as an event (actor = the auditor, action {@code AUDIT_*}, the ids filtered on, outcome OK / INTACT /
 * BROKEN / FAILED) after it ran, so the query is on record and a verification is not disturbed by its own
 * event. Obtain one with {@link AuditorAccess#open}.
 */
public final class AuditorSession {

    private final Principal principal;
    private final DataSource dataSource;
    private final AuditLedger ledger;
    private final CheckpointSigner keys;
    private final Clock clock;

    AuditorSession(Principal principal, DataSource dataSource, AuditLedger ledger, CheckpointSigner keys,
                   Clock clock) {
        this.principal = principal;
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.keys = keys;
        this.clock = clock;
    }

    public Principal principal() {
        return principal;
    }

    public VerificationResult verify(List<Checkpoint> externalCheckpoints) {
        VerificationResult r = logged(AuditAction.AUDIT_VERIFY, null, null, null,
                () -> new LedgerVerifier(keys, ledger.policy()).verify(dataSource, externalCheckpoints));
        return r;
    }

    public VerificationResult verifyExport(Path file, List<Checkpoint> externalCheckpoints) {
        return logged(AuditAction.AUDIT_VERIFY_EXPORT, null, null, null,
                () -> new LedgerVerifier(keys).verifyExport(file, externalCheckpoints));
    }

    public AuditSearch.Page search(AuditQuery q) {
        return logged(AuditAction.AUDIT_SEARCH, q.noticeId(), q.exchangeId(), q.partnerId(),
                () -> new AuditSearch(dataSource).search(q));
    }

    public long export(AuditExport.Format format, Path out) {
        return logged(AuditAction.exportOf(format), null, null, null,
                () -> new AuditExport(dataSource, clock).export(format, out));
    }

    public int exportCheckpoints(Path out) {
        return logged(AuditAction.AUDIT_EXPORT_CHECKPOINTS, null, null, null, () -> CheckpointExport.export(dataSource, out));
    }

    public DisclosureReport.Report disclosureForNotice(String noticeId) {
        return logged(AuditAction.AUDIT_REPORT_NOTICE, noticeId, null, null,
                () -> new DisclosureReport(dataSource).forNotice(noticeId));
    }

    public DisclosureReport.Report disclosureForPartner(String partnerId, Instant from, Instant to) {
        return logged(AuditAction.AUDIT_REPORT_PARTNER, null, null, partnerId,
                () -> new DisclosureReport(dataSource).forPartner(partnerId, from, to));
    }

    private <T> T logged(AuditAction action, String noticeId, String exchangeId, String partnerId, Supplier<T> query) {
        T result;
        try {
            result = query.get();
        } catch (RuntimeException e) {
            try {
                record(action, noticeId, exchangeId, partnerId, "FAILED", e.getClass().getSimpleName());
            } catch (RuntimeException recording) {
                e.addSuppressed(recording);
            }
            throw e;
        }
        if (result instanceof VerificationResult v) {
            record(action, noticeId, exchangeId, partnerId, v.intact() ? "INTACT" : "BROKEN",
                    v.intact() ? null : v.kind().name());
        } else {
            record(action, noticeId, exchangeId, partnerId, "OK", null);
        }
        return result;
    }

    private void record(AuditAction action, String noticeId, String exchangeId, String partnerId, String outcome,
                        String error) {
        ledger.append(new AuditEvent(null, principal.id(), action.name(), noticeId, exchangeId, null, partnerId, null, null,
                null, outcome, error));
    }
}
