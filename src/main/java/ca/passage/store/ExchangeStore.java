package ca.passage.store;

import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditLedger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The exchange state store. Every state change is a guarded UPDATE (it only happens from the states named) and
 * commits together with its audit event, so the ledger and the store never disagree.
 */
public final class ExchangeStore {

    private final DataSource dataSource;
    private final AuditLedger ledger;
    private final Clock clock;

    public ExchangeStore(DataSource dataSource, AuditLedger ledger, Clock clock) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Stores a notice and its exchanges, with their audit events, in one transaction. */
    public void storeNotice(NoticeRecord n, List<ExchangeRecord> exchanges, List<AuditEvent> events) {
        storeNotice(n, exchanges, events, null);
    }

    /**
     * Stores a partner's notice and its exchanges, with their audit events and the inbound message's replay-memory
     * row ({@code mark}, none when null), in one transaction.
     */
    public void storeNotice(NoticeRecord n, List<ExchangeRecord> exchanges, List<AuditEvent> events, InboundMark mark) {
        Jdbc.inTransaction(dataSource, "exchange store", c -> {
            if (mark != null) {
                remember(c, mark);
            }
            insertNotice(c, n);
            insertExchanges(c, exchanges);
            ledger.appendAll(c, events);
            return null;
        });
    }

    /** Adds exchanges to a stored notice (a forwarded inbound notice), with their audit events, in one transaction. */
    public void addExchanges(List<ExchangeRecord> exchanges, List<AuditEvent> events) {
        Jdbc.inTransaction(dataSource, "exchange store", c -> {
            insertExchanges(c, exchanges);
            ledger.appendAll(c, events);
            return null;
        });
    }

    /**
     * A supervisor's decision on a notice held for approval and the moves of its held exchanges, in one
     * transaction: a crash leaves either the whole decision or none of it. Returns how many exchanges moved.
     */
    public int decideApproval(String noticeId, String approvalState, String approvedBy, List<Transition> moves) {
        return decideApproval(noticeId, approvalState, approvedBy, moves, java.util.Map.of());
    }

    /**
     * A supervisor's decision, the moves of the held exchanges and, per exchange approved, the digest of the exact
     * payload approved ({@code approvedDigests}: exchange id → SHA-256), in one transaction.
     */
    public int decideApproval(String noticeId, String approvalState, String approvedBy, List<Transition> moves,
                              java.util.Map<String, String> approvedDigests) {
        return Jdbc.inTransaction(dataSource, "exchange store", c -> {
            updateApproval(c, noticeId, approvalState, approvedBy);
            for (var d : approvedDigests.entrySet()) {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM approved_payload WHERE exchange_id = ?")) {
                    del.setString(1, d.getKey());
                    del.executeUpdate();
                }
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO approved_payload (exchange_id, "
                        + "payload_digest, approved_by, approved_at) VALUES (?,?,?,?)")) {
                    ins.setString(1, d.getKey());
                    ins.setString(2, d.getValue());
                    ins.setString(3, approvedBy);
                    ins.setObject(4, Jdbc.utc(clock.instant()));
                    ins.executeUpdate();
                }
            }
            return moveAll(c, moves, List.of());
        });
    }

    private void updateApproval(Connection c, String noticeId, String approvalState, String approvedBy)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE notice SET approval_state = ?, approved_by = ?, approved_at = ? WHERE notice_id = ?")) {
            ps.setString(1, approvalState);
            ps.setString(2, approvedBy);
            ps.setObject(3, Jdbc.utc(clock.instant()));
            ps.setString(4, noticeId);
            ps.executeUpdate();
        }
    }

    /** The digest of the payload a supervisor approved for this exchange, if one was approved. */
    public Optional<String> approvedPayloadDigest(String exchangeId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT payload_digest FROM approved_payload WHERE exchange_id = ?")) {
            ps.setString(1, exchangeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("exchange store: cannot read the approved payload of " + exchangeId, e);
        }
    }

    /** Whether a notice is stored: intake's duplicate check, which reads the key only, not the notice's content. */
    public boolean noticeExists(String noticeId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM notice WHERE notice_id = ?")) {
            ps.setString(1, noticeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read notice " + noticeId, e);
        }
    }

    private static void insertNotice(Connection c, NoticeRecord n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO notice (notice_id, national_file_number, "
                + "version, requested_action, priority, handling_code, legal_basis, submitted_by, received_at, "
                + "content_digest, content, approval_state, approved_by, approved_at, origin_partner) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, n.noticeId());
            ps.setString(2, n.nationalFileNumber());
            ps.setInt(3, n.version());
            ps.setString(4, n.requestedAction());
            ps.setString(5, n.priority());
            ps.setString(6, n.handlingCode());
            ps.setString(7, n.legalBasis());
            ps.setString(8, n.submittedBy());
            ps.setObject(9, Jdbc.utc(n.receivedAt()));
            ps.setString(10, n.contentDigest());
            ps.setBytes(11, n.content());
            ps.setString(12, n.approvalState());
            ps.setString(13, n.approvedBy());
            ps.setObject(14, Jdbc.utc(n.approvedAt()));
            ps.setString(15, n.originPartner());
            ps.executeUpdate();
        }
    }

    /** The exchange rows, in one batch (one round trip on PostgreSQL). */
    private static void insertExchanges(Connection c, List<ExchangeRecord> exchanges) throws SQLException {
        if (exchanges.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO exchange (exchange_id, notice_id, partner_id, "
                + "direction, state, message_id, conversation_id, attempts, created_at, updated_at, last_error, kind, "
                + "ref_message_id, lifecycle_reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (ExchangeRecord e : exchanges) {
                ps.setString(1, e.exchangeId());
                ps.setString(2, e.noticeId());
                ps.setString(3, e.partnerId());
                ps.setString(4, e.direction().name());
                ps.setString(5, e.state().name());
                ps.setString(6, e.messageId());
                ps.setString(7, e.conversationId());
                ps.setInt(8, e.attempts());
                ps.setObject(9, Jdbc.utc(e.createdAt()));
                ps.setObject(10, Jdbc.utc(e.updatedAt()));
                ps.setString(11, e.lastError() == null ? null : truncate(e.lastError(), 1024));
                ps.setString(12, e.kind().name());
                ps.setString(13, e.refMessageId());
                ps.setString(14, e.lifecycleReason());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Moves an exchange to {@code to} if it is in one of {@code from}; returns false (and writes nothing) when it
     * is not, which makes every caller idempotent under redelivery.
     */
    public boolean transition(Transition t) {
        return Jdbc.inTransaction(dataSource, "exchange store", c -> apply(c, t));
    }

    /**
     * Several guarded state changes in one transaction (one commit, one wait for the audit chain head); each moves
     * only from its own {@code from} states, as {@link #transition} does. Returns how many moved.
     */
    public int transitionAll(List<Transition> moves) {
        if (moves.isEmpty()) {
            return 0;
        }
        return Jdbc.inTransaction(dataSource, "exchange store", c -> moveAll(c, moves, List.of()));
    }

    /** A transition caused by a partner's message, with that message's replay-memory row, in one transaction. */
    public boolean transition(Transition t, InboundMark mark) {
        return Jdbc.inTransaction(dataSource, "exchange store", c -> {
            remember(c, mark);
            return apply(c, t);
        });
    }

    /** A partner's message whose only effect is its audit event, with its replay-memory row, in one transaction. */
    public void recordInbound(AuditEvent event, InboundMark mark) {
        Jdbc.inTransaction(dataSource, "exchange store", c -> {
            remember(c, mark);
            ledger.append(c, event.withTime(clock.instant()));
            return null;
        });
    }

    /** The replay-memory row; a second row for the same partner and message id fails the transaction. */
    private static void remember(Connection c, InboundMark m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO seen_message (partner_id, message_id, received_at, "
                + "answer_type, answer) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, m.partnerId());
            ps.setString(2, m.messageId());
            ps.setObject(3, Jdbc.utc(m.receivedAt()));
            ps.setString(4, m.answerType());
            ps.setBytes(5, m.answer());
            ps.executeUpdate();
        }
    }

    private boolean apply(Connection c, Transition t) throws SQLException {
        return moveAll(c, List.of(t), List.of()) == 1;
    }

    /**
     * The guarded row updates of {@code moves}, in order (each run of moves with the same statement in one batch),
     * then the audit events of those that moved followed by {@code events}, appended in one go. Every row first, the
     * audit chain head last: a delivery that already claimed one of these rows takes its row, then the head, so
     * locking in the same order never waits in a cycle (H2 reported a deadlock when each row's event was appended
     * between the row updates). Returns how many moved.
     */
    private int moveAll(Connection c, List<Transition> moves, List<AuditEvent> events) throws SQLException {
        Instant now = clock.instant();
        List<AuditEvent> audit = new ArrayList<>(moves.size() + events.size());
        List<String> statements = moves.stream().map(ExchangeStore::updateSql).toList();
        int moved = 0;
        int first = 0;
        while (first < moves.size()) {
            String sql = statements.get(first);
            int end = first + 1;
            while (end < moves.size() && statements.get(end).equals(sql)) {
                end++;
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Transition t : moves.subList(first, end)) {
                    bindUpdate(ps, t, now);
                    ps.addBatch();
                }
                int[] updated = ps.executeBatch();
                for (int i = 0; i < updated.length; i++) {
                    Transition t = moves.get(first + i);
                    if (updated[i] == 1) {
                        moved++;
                        if (t.audit() != null) {
                            audit.add(t.audit().withTime(now));
                        }
                    }
                }
            }
            first = end;
        }
        audit.addAll(events);
        ledger.appendAll(c, audit);
        return moved;
    }

    /** The guarded row update of a transition: its columns depend on what the transition records. */
    private static String updateSql(Transition t) {
        StringBuilder sql = new StringBuilder("UPDATE exchange SET state = ?, updated_at = ?");
        if (t.countAttempt()) {
            sql.append(", attempts = attempts + 1");
        }
        if (t.lastError() != null) {
            sql.append(", last_error = ?");
        }
        if (t.sentDigest() != null) {
            sql.append(", sent_digest = ?, sent_at = ?");
        }
        if (t.receiptDigest() != null) {
            sql.append(", receipt_digest = ?");
        }
        if (t.to().isFinal()) {
            sql.append(", closed_at = ?");
        }
        sql.append(" WHERE exchange_id = ? AND state IN (");
        String sep = "";
        for (ExchangeState from : t.from()) {
            sql.append(sep).append('\'').append(from.name()).append('\'');
            sep = ",";
        }
        return sql.append(')').toString();
    }

    private static void bindUpdate(PreparedStatement ps, Transition t, Instant now) throws SQLException {
        int i = 1;
        ps.setString(i++, t.to().name());
        ps.setObject(i++, Jdbc.utc(now));
        if (t.lastError() != null) {
            ps.setString(i++, truncate(t.lastError(), 1024));
        }
        if (t.sentDigest() != null) {
            ps.setString(i++, t.sentDigest());
            ps.setObject(i++, Jdbc.utc(now));
        }
        if (t.receiptDigest() != null) {
            ps.setString(i++, t.receiptDigest());
        }
        if (t.to().isFinal()) {
            ps.setObject(i++, Jdbc.utc(now));
        }
        ps.setString(i, t.exchangeId());
    }

    public Optional<ExchangeRecord> findExchange(String exchangeId) {
        List<ExchangeRecord> found = queryExchanges("WHERE exchange_id = ?", exchangeId);
        return found.stream().findFirst();
    }

    /**
     * The exchanges with these ids that exist, in one query (ordered by id), instead of a query per exchange: what
     * marking a notice's exchanges queued reads.
     */
    public List<ExchangeRecord> findExchanges(List<String> exchangeIds) {
        if (exchangeIds.isEmpty()) {
            return List.of();
        }
        return queryExchanges("WHERE exchange_id = ANY(?) ORDER BY exchange_id", (Object) exchangeIds.toArray(String[]::new));
    }

    /** A partner's exchange by its message id: message ids are unique per partner, not across partners. */
    public Optional<ExchangeRecord> findByMessageId(String partnerId, String messageId) {
        return queryExchanges("WHERE partner_id = ? AND message_id = ?", partnerId, messageId).stream().findFirst();
    }

    public List<ExchangeRecord> exchangesOf(String noticeId) {
        return queryExchanges("WHERE notice_id = ? ORDER BY partner_id", noticeId);
    }

    /** Exchanges filtered by partner and/or state (null = any), newest first, at most {@code limit}. */
    public List<ExchangeRecord> search(String partnerId, ExchangeState state, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        if (partnerId != null) {
            where.append(" AND partner_id = ?");
            args.add(partnerId);
        }
        if (state != null) {
            where.append(" AND state = ?");
            args.add(state.name());
        }
        where.append(" ORDER BY created_at DESC, exchange_id FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
        return queryExchanges(where.toString(), args.toArray());
    }

    /** Exchanges that must be (re)queued: RECEIVED and approved, older than {@code olderThan}. */
    public List<ExchangeRecord> awaitingQueue(Instant olderThan) {
        return queryExchanges("WHERE state = 'RECEIVED' AND updated_at <= ? ORDER BY created_at", Jdbc.utc(olderThan));
    }

    /** Exchanges in a non-final state, for start-up recovery and the demo's wait. */
    public List<ExchangeRecord> open() {
        Set<ExchangeState> open = EnumSet.complementOf(EnumSet.copyOf(ExchangeState.FINAL));
        return queryExchanges("WHERE state IN (" + open.stream().map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(",")) + ") ORDER BY created_at");
    }

    public Optional<NoticeRecord> findNotice(String noticeId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM notice WHERE notice_id = ?")) {
            ps.setString(1, noticeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new NoticeRecord(
                        rs.getString("notice_id"), rs.getString("national_file_number"), rs.getInt("version"),
                        rs.getString("requested_action"), rs.getString("priority"), rs.getString("handling_code"),
                        rs.getString("legal_basis"), rs.getString("submitted_by"), Jdbc.instant(rs, "received_at"),
                        rs.getString("content_digest"), rs.getBytes("content"), rs.getString("approval_state"),
                        rs.getString("approved_by"), Jdbc.instant(rs, "approved_at"), rs.getString("origin_partner")));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read notice " + noticeId, e);
        }
    }

    // --- a notice's lifecycle (issue 11, item 6): withdrawal, update, deletion and correction requests ---

    /** Where a notice stands in its lifecycle; empty when there is no such notice. */
    public Optional<NoticeLifecycle> lifecycleOf(String noticeId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT n.supersedes, n.lifecycle_state, n.lifecycle_reason, "
                     + "n.lifecycle_at, (SELECT MIN(s.notice_id) FROM notice s WHERE s.supersedes = n.notice_id) "
                     + "AS superseded_by FROM notice n WHERE n.notice_id = ?")) {
            ps.setString(1, noticeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String state = rs.getString("lifecycle_state");
                return Optional.of(new NoticeLifecycle(noticeId, rs.getString("supersedes"),
                        rs.getString("superseded_by"), state == null ? null : NoticeLifecycle.State.valueOf(state),
                        rs.getString("lifecycle_reason"), Jdbc.instant(rs, "lifecycle_at")));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the lifecycle of notice " + noticeId, e);
        }
    }

    /**
     * One lifecycle step in one transaction: the notice's new lifecycle state (null leaves it), the exchanges that
     * carry the step to partners, the moves it makes (queued deliveries cancelled), and its audit events. The
     * lifecycle state changes only from {@code fromStates} (null: current), so a repeated request changes nothing
     * and returns false.
     */
    public boolean recordLifecycle(String noticeId, NoticeLifecycle.State state, String reason,
                                   Set<NoticeLifecycle.State> fromStates, List<ExchangeRecord> exchanges,
                                   List<Transition> moves, List<AuditEvent> events) {
        return recordLifecycle(noticeId, state, reason, fromStates, exchanges, moves, events, null);
    }

    /** The same for a partner's lifecycle request, with its message's replay-memory row ({@code mark}, none when null). */
    public boolean recordLifecycle(String noticeId, NoticeLifecycle.State state, String reason,
                                   Set<NoticeLifecycle.State> fromStates, List<ExchangeRecord> exchanges,
                                   List<Transition> moves, List<AuditEvent> events, InboundMark mark) {
        return Jdbc.inTransaction(dataSource, "exchange store", c -> {
            if (state != null && !markLifecycle(c, noticeId, state, reason, fromStates)) {
                return false;
            }
            if (mark != null) {
                remember(c, mark);
            }
            insertExchanges(c, exchanges);
            moveAll(c, moves, events);
            return true;
        });
    }

    /**
     * A notice that supersedes {@code supersedes}, stored with its exchanges, the earlier notice marked SUPERSEDED,
     * its deliveries not yet sent cancelled ({@code moves}), and the audit events, in one transaction. False (and
     * nothing written) when the earlier notice is no longer current.
     */
    public boolean storeUpdate(NoticeRecord n, String supersedes, List<ExchangeRecord> exchanges, List<Transition> moves,
                               List<AuditEvent> events) {
        return storeUpdate(n, supersedes, exchanges, moves, events, null);
    }

    /** The same for a partner's updated notice, with its message's replay-memory row ({@code mark}, none when null). */
    public boolean storeUpdate(NoticeRecord n, String supersedes, List<ExchangeRecord> exchanges, List<Transition> moves,
                               List<AuditEvent> events, InboundMark mark) {
        return Jdbc.inTransaction(dataSource, "exchange store", c -> {
            if (!markLifecycle(c, supersedes, NoticeLifecycle.State.SUPERSEDED, null, Set.of())) {
                return false;
            }
            if (mark != null) {
                remember(c, mark);
            }
            insertNotice(c, n);
            try (PreparedStatement ps = c.prepareStatement("UPDATE notice SET supersedes = ? WHERE notice_id = ?")) {
                ps.setString(1, supersedes);
                ps.setString(2, n.noticeId());
                ps.executeUpdate();
            }
            insertExchanges(c, exchanges);
            moveAll(c, moves, events);
            return true;
        });
    }

    private boolean markLifecycle(Connection c, String noticeId, NoticeLifecycle.State state, String reason,
                                  Set<NoticeLifecycle.State> fromStates) throws SQLException {
        String guard = "lifecycle_state IS NULL" + (fromStates.isEmpty() ? "" : " OR lifecycle_state IN ("
                + fromStates.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(",")) + ")");
        try (PreparedStatement ps = c.prepareStatement("UPDATE notice SET lifecycle_state = ?, lifecycle_reason = ?, "
                + "lifecycle_at = ? WHERE notice_id = ? AND (" + guard + ")")) {
            ps.setString(1, state.name());
            ps.setString(2, reason);
            ps.setObject(3, Jdbc.utc(clock.instant()));
            ps.setString(4, noticeId);
            return ps.executeUpdate() == 1;
        }
    }

    private List<ExchangeRecord> queryExchanges(String where, Object... args) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM exchange " + where)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof String[] values) {
                    ps.setArray(i + 1, c.createArrayOf("VARCHAR", values));
                } else {
                    ps.setObject(i + 1, args[i]);
                }
            }
            List<ExchangeRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ExchangeRecord(
                            rs.getString("exchange_id"), rs.getString("notice_id"), rs.getString("partner_id"),
                            Direction.valueOf(rs.getString("direction")), ExchangeState.valueOf(rs.getString("state")),
                            rs.getString("message_id"), rs.getString("conversation_id"), rs.getInt("attempts"),
                            rs.getString("last_error"), rs.getString("sent_digest"), rs.getString("receipt_digest"),
                            Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"), Jdbc.instant(rs, "sent_at"),
                            Jdbc.instant(rs, "closed_at"), ExchangeKind.valueOf(rs.getString("kind")),
                            rs.getString("ref_message_id"), rs.getString("lifecycle_reason")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read exchanges", e);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
