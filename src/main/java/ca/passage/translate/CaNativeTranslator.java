package ca.passage.translate;

import ca.passage.notice.CaseNotice;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PolicyOutcome;
import ca.passage.partner.SharingPolicy;
import org.w3c.dom.Element;

import java.util.List;

/**
 * The Canadian case notice itself ({@code schemas/ca-native-1.0.xsd}, which includes {@code case-notice-1.1.xsd}):
 * for Canadian partners, and for the domestic side of inbound messages. Outbound, the partner's sharing policy is
 * applied and the recipients are reduced to that partner. A generalised victim's age band has no field in case
 * notice 1.0, so this format does not carry it (the minor flag, sex and nationality do go).
 */
public final class CaNativeTranslator implements PartnerTranslator {

    public static final String FORMAT = "ca-native";
    public static final String SCHEMA = "schemas/ca-native-1.0.xsd";

    private final SharingPolicy policy;
    private final PayloadXml<CaseNotice> xml = new PayloadXml<>(CaseNotice.class, CaseNotice.NAMESPACE, "cn", SCHEMA, null);

    public CaNativeTranslator(SharingPolicy policy) {
        this.policy = policy;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String schema() {
        return SCHEMA;
    }

    @Override
    public TranslatedPayload toPartner(CaseNotice notice, PartnerProfile partner) {
        PolicyOutcome outcome = policy.apply(notice, partner);
        return Translators.payload(xml.write(outcome.notice(), partner.id()), FORMAT, outcome);
    }

    /** The recipients of the returned notice are {@link Translators#DOMESTIC_RECIPIENT} only. */
    @Override
    public CaseNotice fromPartner(Element payload, PartnerProfile partner) {
        CaseNotice n = xml.read(payload, partner.id());
        return new CaseNotice(n.schemaVersion(), n.noticeId(), n.nationalFileNumber(), n.version(), n.supersedes(),
                n.originatingAgency(), n.requestedAction(), n.priority(), n.legalBasis(), n.handling(), n.grading(),
                n.dates(), n.language(), n.summary(), n.offence(), n.events(), n.persons(), n.assets(),
                List.of(Translators.DOMESTIC_RECIPIENT));
    }
}
