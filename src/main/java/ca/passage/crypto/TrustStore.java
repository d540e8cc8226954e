package ca.passage.crypto;

import ca.passage.partner.PartnerProfile;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Each partner's pinned certificates and crypto profile, loaded once at start-up from the keys folder. */
public final class TrustStore {

    public record PartnerSecurity(PartnerTrust trust, CryptoProfile profile) {
    }

    private final Map<String, PartnerSecurity> byPartner = new HashMap<>();

    public TrustStore(Path keysDir, CryptoConfig config, Collection<PartnerProfile> partners) {
        for (PartnerProfile p : partners) {
            CryptoProfile profile = config.profile(p.cryptoProfile());
            byPartner.put(p.id(), new PartnerSecurity(PartnerTrust.load(keysDir, p.id(), profile.keyFamily()), profile));
        }
    }

    public PartnerSecurity of(String partnerId) {
        PartnerSecurity s = byPartner.get(partnerId);
        if (s == null) {
            throw new IllegalArgumentException("no pinned certificate for partner " + partnerId);
        }
        return s;
    }
}
