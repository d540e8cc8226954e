package ca.passage.translate;

import ca.passage.notice.CaseNotice;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PolicyOutcome;
import ca.passage.partner.SharingPolicy;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import org.w3c.dom.Element;

/**
 * What every partner format does the same way: outbound, the partner's sharing policy first, then the format's
 * message written and checked against its XSD; inbound, the partner's XML checked against the XSD and read, then
 * turned into the Canadian model. A format supplies only its mapping ({@link #toMessage}, {@link #toNotice}).
 *
 * @param <M> the format's message model (Jackson XML)
 */
abstract class FormatTranslator<M> implements PartnerTranslator {

    private final String format;
    private final String schema;
    private final CodeLists codeLists;
    private final SharingPolicy policy;
    private final PayloadXml<M> xml;

    /**
     * @param format    the format id partner profiles name, e.g. {@code eu-umf}; the XSD is
     *                  {@code schemas/<format>-1.0.xsd}
     * @param codeLists the code lists the format maps through (null for a format that needs none)
     * @param naming    Jackson's property naming for the format's elements (null: the model's own names)
     */
    FormatTranslator(String format, Class<M> messageType, String namespace, String prefix,
                     PropertyNamingStrategy naming, CodeLists codeLists, SharingPolicy policy) {
        this.format = format;
        this.schema = "schemas/" + format + "-1.0.xsd";
        this.codeLists = codeLists;
        this.policy = policy;
        this.xml = new PayloadXml<>(messageType, namespace, prefix, schema, naming);
    }

    @Override
    public final String format() {
        return format;
    }

    @Override
    public final String schema() {
        return schema;
    }

    @Override
    public final TranslatedPayload toPartner(CaseNotice notice, PartnerProfile partner) {
        PolicyOutcome outcome = policy.apply(notice, partner);
        byte[] payload = xml.write(toMessage(outcome, codes(partner)), partner.id());
        return new TranslatedPayload(payload, payloadFormat(), outcome.handlingCode(), outcome.removedCategories(),
                outcome.disclosureBasis(), outcome.redactedKinds(), outcome.removals(), outcome.approvalReason());
    }

    @Override
    public final PolicyOutcome check(CaseNotice notice, PartnerProfile partner) {
        PolicyOutcome outcome = policy.apply(notice, partner);
        toMessage(outcome, codes(partner));
        return outcome;
    }

    @Override
    public final CaseNotice fromPartner(Element payload, PartnerProfile partner) {
        return toNotice(xml.read(payload, partner.id()), codes(partner)).atVersionItNeeds();
    }

    /** The code lists this translator maps through (null for a format that needs none). */
    protected final CodeLists codeLists() {
        return codeLists;
    }

    /** The notice as the sharing policy lets it leave → the format's message. */
    protected abstract M toMessage(PolicyOutcome outcome, PartnerCodes codes);

    /** The partner's message (already valid against the XSD) → the Canadian model, recipients domestic only. */
    protected abstract CaseNotice toNotice(M message, PartnerCodes codes);

    private PartnerCodes codes(PartnerProfile partner) {
        return new PartnerCodes(codeLists, format, partner.id());
    }
}
