package ca.passage.translate;

import ca.passage.notice.CaseNotice;
import ca.passage.partner.PolicyOutcome;
import ca.passage.partner.SharingPolicy;

import java.util.List;

/**
 * The Canadian case notice itself ({@code schemas/ca-native-1.0.xsd}, which includes {@code case-notice-1.0.xsd}):
 * for Canadian partners, and for the domestic side of inbound messages. Outbound, the partner's sharing policy is
 * applied and the recipients are reduced to that partner. A generalised victim's age band has no field in case
 * notice 1.0, so this format does not carry it (the minor flag, sex and nationality do go).
 */
public final class CaNativeTranslator extends FormatTranslator<CaseNotice> {

    public static final String FORMAT = "ca-native";

    public CaNativeTranslator(SharingPolicy policy) {
        super(FORMAT, CaseNotice.class, CaseNotice.NAMESPACE, "cn", null, null, policy);
    }

    @Override
    protected CaseNotice toMessage(PolicyOutcome outcome, PartnerCodes codes) {
        return outcome.notice();
    }

    /** The recipients of the returned notice are {@link Translators#DOMESTIC_RECIPIENT} only. */
    @Override
    protected CaseNotice toNotice(CaseNotice n, PartnerCodes codes) {
        return new CaseNotice(n.schemaVersion(), n.noticeId(), n.nationalFileNumber(), n.version(), n.supersedes(),
                n.originatingAgency(), n.requestedAction(), n.priority(), n.legalBasis(), n.handling(), n.grading(),
                n.dates(), n.language(), n.summary(), n.offence(), n.events(), n.persons(), n.assets(),
                List.of(Translators.DOMESTIC_RECIPIENT));
    }
}
