package ca.passage.partner;

import ca.passage.notice.CaseNotice;
import ca.passage.notice.HandlingCode;

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
 * @param approvalReason      why a supervisor must approve before this leaves (minor victim, victim identity leaving
 *                            Canada); empty when no approval is needed. Ids and codes only, never personal data.
 */
public record PolicyOutcome(CaseNotice notice, String partnerId, Set<DataCategory> removedCategories,
                            HandlingCode handlingCode, Map<String, String> ageBands, String approvalReason) {

    public PolicyOutcome {
        removedCategories = Set.copyOf(removedCategories);
        ageBands = Map.copyOf(ageBands);
        approvalReason = approvalReason == null ? "" : approvalReason;
    }

    public boolean needsApproval() {
        return !approvalReason.isEmpty();
    }

    public String ageBand(String personId) {
        return ageBands.get(personId);
    }
}
