package ca.passage.crypto;

import java.time.Duration;
import java.util.Set;

/**
 * What the gateway accepts.
 *
 * @param allowedProfiles    profile names that may be used in either direction
 * @param allowedAlgorithms  algorithm URIs a profile may use (signature, digest, c14n, encryption, key management)
 * @param refusedAlgorithms  URIs refused wherever they appear in a signature or an encryption method
 *                           (CBC modes, RSA 1.5, SHA-1/MD5 signatures and digests); OAEP's inner digest is
 *                           governed by the profile only, since SHA-1 inside OAEP remains sound
 * @param clockSkew          tolerated clock difference for message timestamps
 * @param replayWindow       how old a message timestamp may be; message ids are remembered this long
 * @param maxMessageBytes    largest raw message accepted
 * @param requireCrl         refuse a partner certificate when no CRL of its issuer is known
 */
public record CryptoPolicy(
        Set<String> allowedProfiles,
        Set<String> allowedAlgorithms,
        Set<String> refusedAlgorithms,
        Duration clockSkew,
        Duration replayWindow,
        long maxMessageBytes,
        boolean requireCrl) {

    public CryptoPolicy {
        allowedProfiles = Set.copyOf(allowedProfiles);
        allowedAlgorithms = Set.copyOf(allowedAlgorithms);
        refusedAlgorithms = Set.copyOf(refusedAlgorithms);
    }

    /** Throws ALGORITHM_REFUSED when {@code uri} is refused or not allowed. */
    void checkAlgorithm(String what, String uri) {
        if (uri == null || uri.isEmpty()) {
            throw new SecurityRefusal(RefusalCode.ALGORITHM_REFUSED, what + " has no algorithm");
        }
        if (refusedAlgorithms.contains(uri)) {
            throw new SecurityRefusal(RefusalCode.ALGORITHM_REFUSED, what + " uses refused algorithm " + uri);
        }
        if (!allowedAlgorithms.contains(uri)) {
            throw new SecurityRefusal(RefusalCode.ALGORITHM_REFUSED, what + " uses algorithm not allowed by policy " + uri);
        }
    }

    void checkProfile(CryptoProfile profile) {
        if (!allowedProfiles.contains(profile.name())) {
            throw new SecurityRefusal(RefusalCode.PROFILE_REFUSED, "crypto profile not allowed by policy: " + profile.name());
        }
        for (String uri : profile.algorithms()) {
            checkAlgorithm("profile " + profile.name(), uri);
        }
    }
}
