package ca.passage.notice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.List;

/**
 * What a victim-centred case records about a victim (case notice 1.1, victims only).
 *
 * @param consentToShare the victim's consent to share and its scope
 * @param safetyCaveat   a safety or no-contact caveat partners must respect (free text, screened before it leaves)
 * @param selfIdentified the victim identified themselves as a trafficking victim: never leaves Canada unless the
 *                       partner's agreement names {@code SELF_IDENTIFICATION}
 * @param referrals      referrals made or requested for the victim: each never leaves unless the agreement names it
 * @param nonPunishment  the non-punishment principle applies: offences the victim was compelled to commit are not to
 *                       be prosecuted (UN Trafficking Protocol; Council of Europe Convention art. 26)
 */
public record VictimCare(
        Consent consentToShare,
        String safetyCaveat,
        Boolean selfIdentified,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "referral")
        List<Referral> referrals,
        Boolean nonPunishment) {

    public VictimCare {
        referrals = Lists.copy(referrals);
    }

    /** The victim's consent to share: given or not, for which purposes, recorded when. */
    public record Consent(boolean given,
                          @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "scope")
                          List<ConsentScope> scope,
                          java.time.LocalDate recordedOn) {
        public Consent {
            scope = Lists.copy(scope);
        }
    }

    /** What the victim consented to their information being used for. */
    public enum ConsentScope { LAW_ENFORCEMENT, PROSECUTION, VICTIM_SERVICES, IMMIGRATION_RELIEF }

    /**
     * Referrals for a victim: victim services; a temporary resident permit (IRPA s. 24, Canada); Continued Presence
     * or a T visa (United States); a reflection and recovery period (EU Directive 2004/81/EC, CoE Convention art. 13).
     */
    public enum Referral { VICTIM_SERVICES, TEMPORARY_RESIDENT_PERMIT, CONTINUED_PRESENCE, T_VISA, REFLECTION_PERIOD }

    @JsonIgnore
    public boolean isEmpty() {
        return consentToShare == null && (safetyCaveat == null || safetyCaveat.isBlank()) && selfIdentified == null
                && referrals.isEmpty() && nonPunishment == null;
    }
}
