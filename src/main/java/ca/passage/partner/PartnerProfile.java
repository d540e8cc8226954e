package ca.passage.partner;

import java.time.Duration;

/** One foreign partner, as configured in {@code partner-profiles/<id>.yaml}. */
public record PartnerProfile(
        String id,
        String name,
        String country,
        String format,
        Channel channel,
        String certificate,
        String cryptoProfile,
        Duration acknowledgementTimeout,
        RetryPolicy retry,
        SharingAgreement agreement,
        boolean enabled) {
}
