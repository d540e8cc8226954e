package ca.passage.partner;

import ca.passage.notice.CaseNotice;
import ca.passage.notice.HandlingCode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the sharing policy lets leave Canada for one partner.
 *
 * @param notice              the notice after the policy: only what the agreement allows, its handling raised to at
 *                            least the agreement's default, its recipients reduced to this partner
 * @param partnerId           the partner it was filtered for
 * @param removedCategories   the categories of data that were present and removed or generalised (names only, for
 *                            the audit event)
 * @param handlingCode        the handling code to send (also in {@code notice().handling()})
 * @param ageBands            person id → age band (e.g. {@code 12-14}) for victims whose identity was generalised
 *                            and whose date of birth was known; the translators write it where the date of birth was
 * @param approvalReason      why a supervisor must approve before this leaves (a minor, victim identity leaving
 *                            Canada, free text the screener cannot attribute); empty when no approval is needed. Ids,
 *                            field paths and codes only, never personal data.
 * @param redactions          what the free-text screener replaced, field by field (kind and placeholder, no values)
 * @param removals            everything kept from the partner, path by path, with its category and reason (structured
 *                            data first, then free-text replacements; never a value), for the supervisor's preview
 */
public record PolicyOutcome(CaseNotice notice, String partnerId, Set<DataCategory> removedCategories,
                            HandlingCode handlingCode, Map<String, String> ageBands, String approvalReason,
                            List<FreeTextScreener.Redaction> redactions, List<Removal> removals) {

    public PolicyOutcome {
        removedCategories = Set.copyOf(removedCategories);
        redactions = redactions == null ? List.of() : List.copyOf(redactions);
        removals = removals == null ? List.of() : List.copyOf(removals);
        ageBands = Map.copyOf(ageBands);
        approvalReason = approvalReason == null ? "" : approvalReason;
    }

    public boolean needsApproval() {
        return !approvalReason.isEmpty();
    }

    /** The kinds of identifier the screener redacted from free text, for the audit event (no values). */
    public Set<FreeTextScreener.Kind> redactedKinds() {
        Set<FreeTextScreener.Kind> kinds = java.util.EnumSet.noneOf(FreeTextScreener.Kind.class);
        redactions.forEach(r -> kinds.add(r.kind()));
        return kinds;
    }

    /**
     * What the audit and the disclosure report record as the basis of this disclosure: the agreement reference, then
     * the legal basis and the domestic authority as they travel (at most 256 characters, the ledger's column).
     */
    public String disclosureBasis() {
        String basis = notice.legalBasis().agreementReference() + ": " + notice.legalBasis().instrument();
        return basis.length() <= 256 ? basis : basis.substring(0, 255) + "…";
    }

    public String ageBand(String personId) {
        return ageBands.get(personId);
    }
}
