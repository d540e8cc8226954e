package ca.passage.ledger;

import java.time.Instant;

/**
 * Filters for {@link AuditSearch}: time range {@code [from, to)}, partner, notice, exchange, actor, action,
 * outcome (null = any), and paging (page numbers start at 1; size 1..1000).
 */
public record AuditQuery(Instant from, Instant to, String partnerId, String noticeId, String exchangeId,
                         String actor, String action, String outcome, int page, int size) {

    public static final int MAX_SIZE = 1000;

    public AuditQuery {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_SIZE);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null, null, 1, 100);
    }

    public AuditQuery between(Instant f, Instant t) {
        return new AuditQuery(f, t, partnerId, noticeId, exchangeId, actor, action, outcome, page, size);
    }

    public AuditQuery partner(String v) {
        return new AuditQuery(from, to, v, noticeId, exchangeId, actor, action, outcome, page, size);
    }

    public AuditQuery notice(String v) {
        return new AuditQuery(from, to, partnerId, v, exchangeId, actor, action, outcome, page, size);
    }

    public AuditQuery exchange(String v) {
        return new AuditQuery(from, to, partnerId, noticeId, v, actor, action, outcome, page, size);
    }

    public AuditQuery actor(String v) {
        return new AuditQuery(from, to, partnerId, noticeId, exchangeId, v, action, outcome, page, size);
    }

    public AuditQuery action(String v) {
        return new AuditQuery(from, to, partnerId, noticeId, exchangeId, actor, v, outcome, page, size);
    }

    public AuditQuery outcome(String v) {
        return new AuditQuery(from, to, partnerId, noticeId, exchangeId, actor, action, v, page, size);
    }

    public AuditQuery page(int p, int s) {
        return new AuditQuery(from, to, partnerId, noticeId, exchangeId, actor, action, outcome, p, s);
    }
}
