package ca.passage.access;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OpenID Connect bearer tokens (JWT), validated with nimbus-jose-jwt: signature against the provider's JWKS
 * (asymmetric algorithms only), issuer, audience, expiry and not-before with the configured clock skew. Roles come
 * from the configured claim; names that are not a {@link Role} are ignored.
 */
public final class OidcTokens {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);

    private final AccessConfig.Oidc config;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public OidcTokens(AccessConfig.Oidc config, Path baseDir) {
        this.config = config;
        JWKSource<SecurityContext> keys;
        try {
            if (config.jwks().startsWith("https://")) {
                keys = JWKSourceBuilder.create(URI.create(config.jwks()).toURL()).build();
            } else {
                keys = new ImmutableJWKSet<>(JWKSet.load(baseDir.resolve(config.jwks()).toFile()));
            }
        } catch (Exception e) {
            throw new IllegalStateException("access.yaml: field 'oidc.jwks': cannot load " + config.jwks() + ": "
                    + e.getMessage());
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(config.audience(),
                new JWTClaimsSet.Builder().issuer(config.issuer()).build(), Set.of("exp", config.userClaim()));
        claims.setMaxClockSkew((int) config.clockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** The principal a valid token names; throws {@link Denied} (a reason without the token) otherwise. */
    public Principal principal(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (Exception e) {
            throw new Denied("bearer token refused: " + reason(e));
        }
        Object user = claims.getClaim(config.userClaim());
        if (!(user instanceof String name) || name.isBlank()) {
            throw new Denied("bearer token refused: no user claim '" + config.userClaim() + "'");
        }
        return new Principal(name, roles(claims.getClaims()), "oidc");
    }

    private Set<Role> roles(Map<String, Object> claims) {
        Object node = claims;
        for (String part : config.roleClaim().split("\\.")) {
            node = node instanceof Map<?, ?> m ? m.get(part) : null;
        }
        Collection<?> names = node instanceof Collection<?> c ? c
                : node instanceof String s ? List.of(s.split("[ ,]+")) : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object n : names) {
            try {
                roles.add(Role.valueOf(String.valueOf(n).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException ignored) {
                // a role of another application
            }
        }
        return roles;
    }

    private static String reason(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (m.contains("Expired")) {
            return "expired";
        }
        if (m.contains("iss")) {
            return "wrong issuer";
        }
        if (m.contains("aud")) {
            return "wrong audience";
        }
        if (m.contains("ignature") || m.contains("key")) {
            return "signature not verified";
        }
        List<String> words = new ArrayList<>(List.of(m.split("\\s+")));
        return String.join(" ", words.subList(0, Math.min(words.size(), 12)));
    }

    /** An authentication refusal: the reason is safe to log and to answer (no token, no key). */
    public static final class Denied extends RuntimeException {
        public Denied(String reason) {
            super(reason);
        }
    }
}
