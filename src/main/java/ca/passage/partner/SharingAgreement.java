package ca.passage.partner;

import ca.passage.notice.HandlingCode;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import java.util.Set;

/**
 * The terms under which Canada shares with one partner: what, under which basis, for how long.
 *
 * @param domesticAuthority     the Canadian statute that authorises the disclosure under this agreement, e.g.
 *                              {@code Privacy Act s. 8(2)(f)}
 * @param provincialAuthorities originating agency code → the provincial statute that authorises the disclosure when
 *                              that provincial or municipal service originates the notice
 * @param victimFields          the victim-centred fields (referrals, self-identification) this agreement names; every
 *                              other one is dropped before the partner's payload is made
 */
public record SharingAgreement(
        String reference,
        String legalBasis,
        Set<DataCategory> allowedCategories,
        HandlingCode defaultHandlingCode,
        HandlingCode maxHandlingCode,
        OnwardTransfer onwardTransfer,
        Period retention,
        String domesticAuthority,
        Map<String, String> provincialAuthorities,
        Set<VictimField> victimFields) {

    /** The federal authority a test agreement relies on when none is named. */
    public static final String PRIVACY_ACT_8_2_F = "Privacy Act s. 8(2)(f)";

    public SharingAgreement {
        allowedCategories = allowedCategories == null ? Set.of() : Set.copyOf(allowedCategories);
        provincialAuthorities = provincialAuthorities == null ? Map.of() : Map.copyOf(provincialAuthorities);
        victimFields = victimFields == null ? Set.of() : Set.copyOf(victimFields);
    }

    /** An agreement that names no victim-centred field (the default: none leaves). */
    public SharingAgreement(String reference, String legalBasis, Set<DataCategory> allowedCategories,
                            HandlingCode defaultHandlingCode, HandlingCode maxHandlingCode,
                            OnwardTransfer onwardTransfer, Period retention, String domesticAuthority,
                            Map<String, String> provincialAuthorities) {
        this(reference, legalBasis, allowedCategories, defaultHandlingCode, maxHandlingCode, onwardTransfer,
                retention, domesticAuthority, provincialAuthorities, Set.of());
    }

    /** An agreement disclosed under the Privacy Act s. 8(2)(f), with no provincial authority configured. */
    public SharingAgreement(String reference, String legalBasis, Set<DataCategory> allowedCategories,
                            HandlingCode defaultHandlingCode, HandlingCode maxHandlingCode,
                            OnwardTransfer onwardTransfer, Period retention) {
        this(reference, legalBasis, allowedCategories, defaultHandlingCode, maxHandlingCode, onwardTransfer,
                retention, PRIVACY_ACT_8_2_F, Map.of(), Set.of());
    }

    /** The statute under which Canada discloses a notice originated by {@code agencyCode}. */
    public String domesticAuthorityFor(String agencyCode) {
        return provincialAuthorities.getOrDefault(agencyCode, domesticAuthority);
    }

    public boolean allows(DataCategory category) {
        return allowedCategories.contains(category);
    }

    /** True when this agreement names the victim-centred field, so that it may leave Canada. */
    public boolean names(VictimField field) {
        return victimFields.contains(field);
    }
}
