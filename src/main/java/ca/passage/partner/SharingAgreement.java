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
        Map<String, String> provincialAuthorities) {

    /** The federal authority a test agreement relies on when none is named. */
    public static final String PRIVACY_ACT_8_2_F = "Privacy Act s. 8(2)(f)";

    public SharingAgreement {
        allowedCategories = allowedCategories == null ? Set.of() : Set.copyOf(allowedCategories);
        provincialAuthorities = provincialAuthorities == null ? Map.of() : Map.copyOf(provincialAuthorities);
    }

    /** An agreement disclosed under the Privacy Act s. 8(2)(f), with no provincial authority configured. */
    public SharingAgreement(String reference, String legalBasis, Set<DataCategory> allowedCategories,
                            HandlingCode defaultHandlingCode, HandlingCode maxHandlingCode,
                            OnwardTransfer onwardTransfer, Period retention) {
        this(reference, legalBasis, allowedCategories, defaultHandlingCode, maxHandlingCode, onwardTransfer,
                retention, PRIVACY_ACT_8_2_F, Map.of());
    }

    /** The statute under which Canada discloses a notice originated by {@code agencyCode}. */
    public String domesticAuthorityFor(String agencyCode) {
        return provincialAuthorities.getOrDefault(agencyCode, domesticAuthority);
    }

    public boolean allows(DataCategory category) {
        return allowedCategories.contains(category);
    }
}
