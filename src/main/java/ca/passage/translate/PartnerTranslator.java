package ca.passage.translate;

import ca.passage.notice.CaseNotice;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PolicyOutcome;
import org.w3c.dom.Element;

/**
 * One partner format, both directions. Outbound applies the partner's sharing agreement before anything is
 * signed: what the agreement does not allow never reaches the partner's XML.
 *
 * <p>Failures: {@link TranslationException} (a colour's required content is missing, a code has no equivalent for
 * the partner, the partner's XML is invalid) and {@link ca.passage.partner.SharingPolicyException} (the policy
 * refuses the notice for this partner, e.g. handling code above the agreement's maximum). Both name ids and codes,
 * never personal data.
 */
public interface PartnerTranslator {

    /** The format id partner profiles name, e.g. {@code interpol-notice}. */
    String format();

    /** The payload format written in the envelope header, e.g. {@code interpol-notice/1}. */
    default String payloadFormat() {
        return format() + "/1";
    }

    /** The classpath location of the format's XSD, e.g. {@code schemas/interpol-notice-1.0.xsd}. */
    default String schema() {
        return "schemas/" + format() + "-1.0.xsd";
    }

    /** Canadian notice → the partner's XML, after the sharing policy of {@code partner}. */
    TranslatedPayload toPartner(CaseNotice notice, PartnerProfile partner);

    /**
     * What intake needs to know before it accepts a notice for {@code partner}: the sharing policy's outcome (whether
     * a supervisor must approve) and that the notice maps to the partner's format, refusing with the same exceptions
     * as {@link #toPartner}. The partner's XML is not written: delivery writes it (and checks it against the XSD) once,
     * when it leaves.
     */
    PolicyOutcome check(CaseNotice notice, PartnerProfile partner);

    /**
     * The partner's XML (the single element inside the envelope's Payload) → the Canadian model. The XML is checked
     * against the format's XSD first. The recipients of the result are {@link Translators#DOMESTIC_RECIPIENT}.
     */
    CaseNotice fromPartner(Element payload, PartnerProfile partner);
}
