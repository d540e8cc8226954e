package ca.passage.translate;

import ca.passage.notice.HandlingCode;
import ca.passage.partner.DataCategory;

import java.util.Set;

/**
 * A partner-format document ready for the envelope.
 *
 * @param xml               one root element in the partner's format, UTF-8
 * @param payloadFormat     the format and version, e.g. {@code interpol-notice/1}, written in the envelope header
 * @param handlingCode      the handling code that travels with it (inside the signed part)
 * @param removedCategories what the sharing policy removed or generalised: category names only, for the audit
 */
public record TranslatedPayload(byte[] xml, String payloadFormat, HandlingCode handlingCode,
                                Set<DataCategory> removedCategories) {

    public TranslatedPayload {
        removedCategories = Set.copyOf(removedCategories);
    }
}
