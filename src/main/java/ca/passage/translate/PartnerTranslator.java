package ca.passage.translate;

import ca.passage.notice.CaseNotice;
import ca.passage.partner.PartnerProfile;
import org.w3c.dom.Element;

/**
 * One partner format, both directions. Outbound applies the partner's sharing agreement before anything is
 * signed: what the agreement does not allow never reaches the partner's XML.
 */
public interface PartnerTranslator {

    /** The format id partner profiles name, e.g. {@code interpol-notice}. */
    String format();

    /** Canadian notice → the partner's XML, after the sharing policy of {@code partner}. */
    TranslatedPayload toPartner(CaseNotice notice, PartnerProfile partner);

    /** The partner's XML (the single element inside the envelope's Payload) → the Canadian model. */
    CaseNotice fromPartner(Element payload, PartnerProfile partner);
}
