package ca.passage.translate;

import ca.passage.notice.HandlingCode;
import ca.passage.partner.DataCategory;
import ca.passage.partner.FreeTextScreener;
import ca.passage.partner.Removal;

import java.util.List;
import java.util.Set;

/**
 * A partner-format document ready for the envelope.
 *
 * @param xml               one root element in the partner's format, UTF-8
 * @param payloadFormat     the format and version, e.g. {@code interpol-notice/1}, written in the envelope header
 * @param handlingCode      the handling code that travels with it (inside the signed part)
 * @param removedCategories what the sharing policy removed or generalised: category names only, for the audit
 * @param disclosureBasis   the partner's agreement reference, its legal basis and the Canadian disclosure authority,
 *                          as they travel in the message, for the audit and the disclosure report
 * @param redactedKinds     the kinds of identifier the free-text screener replaced (no values), for the audit
 * @param removals          what was kept from the partner, path by path, with category and reason (no values), and
 * @param approvalReason    why a supervisor must approve this payload (empty when none is needed): both for the
 *                          supervisor's preview
 */
public record TranslatedPayload(byte[] xml, String payloadFormat, HandlingCode handlingCode,
                                Set<DataCategory> removedCategories, String disclosureBasis,
                                Set<FreeTextScreener.Kind> redactedKinds, List<Removal> removals,
                                String approvalReason) {

    public TranslatedPayload {
        removedCategories = Set.copyOf(removedCategories);
        redactedKinds = redactedKinds == null ? Set.of() : Set.copyOf(redactedKinds);
        removals = removals == null ? List.of() : List.copyOf(removals);
        approvalReason = approvalReason == null ? "" : approvalReason;
    }
}
