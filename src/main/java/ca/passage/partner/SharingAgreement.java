package ca.passage.partner;

import ca.passage.notice.HandlingCode;

import java.time.Duration;
import java.time.Period;
import java.util.Set;

/** The terms under which Canada shares with one partner: what, under which basis, for how long. */
public record SharingAgreement(
        String reference,
        String legalBasis,
        Set<DataCategory> allowedCategories,
        HandlingCode defaultHandlingCode,
        HandlingCode maxHandlingCode,
        OnwardTransfer onwardTransfer,
        Period retention) {

    public SharingAgreement {
        allowedCategories = allowedCategories == null ? Set.of() : Set.copyOf(allowedCategories);
    }

    public boolean allows(DataCategory category) {
        return allowedCategories.contains(category);
    }
}
