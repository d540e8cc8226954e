package ca.passage.intake;

import ca.passage.envelope.Digests;
import ca.passage.notice.CaseNotice;
import ca.passage.notice.NoticeParser;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PartnerRegistry;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeStore;
import ca.passage.translate.TranslatedPayload;
import ca.passage.translate.TranslatorRegistry;

/**
 * The SHA-256 of the exact payload that would leave for an exchange now: the stored notice, translated into the
 * partner's format under its current profile and sharing policy (filtered, redacted). A supervisor's approval is
 * bound to it; the send step computes it again and compares.
 */
public final class PayloadDigests {

    private final ExchangeStore store;
    private final PartnerRegistry partners;
    private final NoticeParser notices;
    private final TranslatorRegistry translators;

    public PayloadDigests(ExchangeStore store, PartnerRegistry partners, NoticeParser notices, TranslatorRegistry translators) {
        this.store = store;
        this.partners = partners;
        this.notices = notices;
        this.translators = translators;
    }

    public String of(ExchangeRecord exchange) {
        return Digests.sha256(payload(exchange).xml());
    }

    public String of(CaseNotice notice, PartnerProfile partner) {
        return Digests.sha256(translators.forFormat(partner.format()).toPartner(notice, partner).xml());
    }

    /** The payload itself, with what the policy removed and why it needs a supervisor: what the preview shows. */
    public TranslatedPayload payload(ExchangeRecord exchange) {
        CaseNotice notice = notices.readStored(store.findNotice(exchange.noticeId()).orElseThrow().content());
        PartnerProfile partner = partners.get(exchange.partnerId());
        return translators.forFormat(partner.format()).toPartner(notice, partner);
    }
}
