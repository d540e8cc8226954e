package ca.passage.translate;

import ca.passage.notice.HandlingCode;
import ca.passage.partner.DataCategory;
import ca.passage.partner.FreeTextScreener;

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
 */
public record TranslatedPayload(byte[] xml, String payloadFormat, HandlingCode handlingCode,
                                Set<DataCategory> removedCategories, String disclosureBasis,
                                Set<FreeTextScreener.Kind> redactedKinds) {

    public TranslatedPayload {
        removedCategories = Set.copyOf(removedCategories);
        redactedKinds = redactedKinds == null ? Set.of() : Set.copyOf(redactedKinds);
    }
}
