package ca.passage.translate;

import ca.passage.notice.VictimCare;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A victim's victim-care fields (case notice 1.1) as every partner format carries them, one element per field named
 * by the format's own naming ({@code safety_caveat}, {@code SafetyCaveat}); the consent scope and the referrals are
 * space-separated code lists. What reaches this record has already passed the sharing policy: referrals and
 * self-identification only where the partner's agreement names them.
 */
public record PartnerVictimCare(Boolean consentGiven, String consentScope, LocalDate consentRecordedOn,
                                String safetyCaveat, Boolean selfIdentified, String referrals, Boolean nonPunishment) {

    /** Outbound: null when the person carries no victim-care field. */
    static PartnerVictimCare of(VictimCare c) {
        if (c == null || c.isEmpty()) {
            return null;
        }
        VictimCare.Consent consent = c.consentToShare();
        return new PartnerVictimCare(consent == null ? null : consent.given(),
                consent == null ? null : codes(consent.scope()), consent == null ? null : consent.recordedOn(),
                c.safetyCaveat(), c.selfIdentified(), codes(c.referrals()), c.nonPunishment());
    }

    /** Inbound: the Canadian model (null stays null). */
    static VictimCare toCanadian(PartnerVictimCare p) {
        if (p == null) {
            return null;
        }
        VictimCare.Consent consent = p.consentGiven() == null ? null : new VictimCare.Consent(p.consentGiven(),
                parse(p.consentScope(), VictimCare.ConsentScope.class), p.consentRecordedOn());
        return new VictimCare(consent, p.safetyCaveat(), p.selfIdentified(),
                parse(p.referrals(), VictimCare.Referral.class), p.nonPunishment());
    }

    private static String codes(List<? extends Enum<?>> values) {
        return values.isEmpty() ? null : values.stream().map(Enum::name).collect(Collectors.joining(" "));
    }

    private static <E extends Enum<E>> List<E> parse(String codes, Class<E> type) {
        return codes == null || codes.isBlank() ? List.of()
                : Arrays.stream(codes.trim().split("\\s+")).map(code -> Enum.valueOf(type, code)).toList();
    }
}
