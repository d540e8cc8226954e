package ca.passage.crypto;

import java.util.Objects;
import java.util.regex.Pattern;

/** A simulated partner for which the development PKI makes keys: its id and its crypto profile's key family. */
public record PartnerKeySpec(String partnerId, KeyFamily family) {
    private static final Pattern SAFE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public PartnerKeySpec {
        Objects.requireNonNull(family, "family");
        if (partnerId == null || !SAFE.matcher(partnerId).matches() || partnerId.startsWith("gateway")
                || partnerId.equals("ca") || partnerId.equals("ledger")) {
            throw new IllegalArgumentException("partner id must be lower-case letters, digits, '-' or '_', and not 'ca', 'ledger' or 'gateway*': "
                    + partnerId);
        }
    }

    public static PartnerKeySpec of(String partnerId, CryptoProfile profile) {
        return new PartnerKeySpec(partnerId, profile.keyFamily());
    }
}
