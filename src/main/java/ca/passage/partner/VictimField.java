package ca.passage.partner;

import ca.passage.notice.VictimCare;

import java.util.Set;

/**
 * The victim-centred fields (case notice 1.1) that never leave Canada unless a partner's agreement names them in
 * {@code agreement.victimFields}: a victim's self-identification and each kind of referral. (Consent to share, the
 * safety caveat and the non-punishment flag protect the victim and travel wherever the victim does.)
 */
public enum VictimField {
    SELF_IDENTIFICATION(null),
    VICTIM_SERVICES_REFERRAL(null),
    TEMPORARY_RESIDENT_PERMIT_REFERRAL(null),
    /** US immigration relief: only a US partner can act on it. */
    CONTINUED_PRESENCE_REFERRAL(Set.of("US")),
    /** US immigration relief: only a US partner can act on it. */
    T_VISA_REFERRAL(Set.of("US")),
    /** EU reflection and recovery period: only a partner in (or an agency of) the EU can act on it. */
    REFLECTION_PERIOD_REFERRAL(Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU",
            "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"));

    private final Set<String> countries;

    VictimField(Set<String> countries) {
        this.countries = countries;
    }

    /** True when a partner of this country (ISO 3166 alpha-2) can be named for this field. */
    public boolean appliesTo(String country) {
        return countries == null || countries.contains(country);
    }

    /** The field that governs a referral. */
    public static VictimField of(VictimCare.Referral referral) {
        return switch (referral) {
            case VICTIM_SERVICES -> VICTIM_SERVICES_REFERRAL;
            case TEMPORARY_RESIDENT_PERMIT -> TEMPORARY_RESIDENT_PERMIT_REFERRAL;
            case CONTINUED_PRESENCE -> CONTINUED_PRESENCE_REFERRAL;
            case T_VISA -> T_VISA_REFERRAL;
            case REFLECTION_PERIOD -> REFLECTION_PERIOD_REFERRAL;
        };
    }
}
