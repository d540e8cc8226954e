package ca.passage.intake;

import ca.passage.envelope.Digests;
import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.ExchangeRecord;
import ca.passage.ledger.ExchangeState;
import ca.passage.ledger.ExchangeStore;
import ca.passage.ledger.NoticeRecord;
import ca.passage.notice.CaseNotice;
import ca.passage.notice.NoticeParser;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Accepts a notice: parse and validate (nothing stored when anything is wrong), then store the notice and one
 * exchange per recipient in a single transaction, state RECEIVED. Queueing is the route's next step; anything
 * left RECEIVED after a crash is queued again by the recovery sweep.
 */
public final class NoticeIntake {

    private final NoticeParser parser;
    private final ExchangeStore store;
    private final Clock clock;

    public NoticeIntake(NoticeParser parser, ExchangeStore store, Clock clock) {
        this.parser = parser;
        this.store = store;
        this.clock = clock;
    }

    public IntakeReceipt accept(byte[] body, NoticeParser.Format format, String submittedBy) {
        CaseNotice notice = parser.parse(body, format);
        if (store.noticeExists(notice.noticeId())) {
            throw new DuplicateNoticeException(notice.noticeId());
        }
        byte[] canonical = parser.toXml(notice);
        Instant now = clock.instant();
        String digest = Digests.sha256(canonical);
        NoticeRecord record = new NoticeRecord(notice.noticeId(), notice.nationalFileNumber(), notice.version(),
                notice.requestedAction().label(), notice.priority().name(), notice.handling().code().name(),
                notice.legalBasis().instrument(), submittedBy, now, digest, canonical, "NOT_REQUIRED", null, null);
        List<ExchangeRecord> exchanges = new ArrayList<>();
        List<AuditEvent> events = new ArrayList<>();
        events.add(AuditEvent.of(now, submittedBy, "NOTICE_RECEIVED").withNotice(notice.noticeId())
                .withDisclosure(notice.legalBasis().instrument(), notice.handling().code().name())
                .withDigest(digest).withOutcome("ACCEPTED", null));
        for (String partnerId : notice.recipients()) {
            String exchangeId = "X-" + UUID.randomUUID();
            String messageId = exchangeId.substring(2) + "@passage.gc.ca";
            exchanges.add(new ExchangeRecord(exchangeId, notice.noticeId(), partnerId, "OUT", ExchangeState.RECEIVED,
                    messageId, notice.noticeId(), 0, null, null, null, now, now, null, null));
            events.add(AuditEvent.exchange(now, submittedBy, "EXCHANGE_CREATED", notice.noticeId(), exchangeId,
                    messageId, partnerId).withOutcome("RECEIVED", null));
        }
        store.storeNotice(record, exchanges, events);
        return new IntakeReceipt(notice.noticeId(), exchanges.stream()
                .map(e -> new IntakeReceipt.ExchangeRef(e.exchangeId(), e.partnerId(), e.state().name())).toList());
    }
}
