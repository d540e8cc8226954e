package ca.passage.testing;

import ca.passage.access.Tls;
import ca.passage.crypto.KeyDirectory;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Credentials for tests: HTTPS clients as the development users of {@code keys/users/}, and an OpenID Connect
 * test issuer (an EC key generated per run, its public JWKS written beside the test's access.yaml) that mints
 * tokens, good or bad.
 */
public final class TestAccess {

    public static final String ISSUER = "https://idp.test.passage.invalid/realms/passage";
    public static final String AUDIENCE = "passage";
    public static final String JWKS_FILE = "test-idp.jwks.json";
    public static final String DEFAULT_ACCESS_YAML = """
            oidc:
              issuer: %s
              audience: %s
              jwks: %s
              roleClaim: realm_access.roles
              userClaim: preferred_username
              clockSkew: PT30S
            throttle:
              failures: 100000
              window: PT1M
            """.formatted(ISSUER, AUDIENCE, JWKS_FILE);

    private static final ECKey IDP = generate();
    private static final ECKey FOREIGN_IDP = generate();

    private TestAccess() {
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("test-" + System.nanoTime()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of crypto-config with {@code access.yaml} and the test issuer's public keys. */
    public static Path configFolder(Path target, String accessYaml) throws IOException {
        Path source = Path.of("crypto-config");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Files.writeString(target.resolve("access.yaml"), accessYaml);
        Files.writeString(target.resolve(JWKS_FILE), new JWKSet(IDP.toPublicJWK()).toString());
        return target;
    }

    /** A token from the test issuer for {@code user} with {@code roles}, valid for {@code validity} from now. */
    public static String token(String user, List<String> roles, Duration validity) {
        return sign(IDP, ISSUER, user, roles, Instant.now().plus(validity));
    }

    /** A token from the test issuer that expired an hour ago (beyond the 30 s skew). */
    public static String expiredToken(String user, List<String> roles) {
        return sign(IDP, ISSUER, user, roles, Instant.now().minus(Duration.ofHours(1)));
    }

    /** A well-formed token from another issuer, signed with another key. */
    public static String foreignToken(String user, List<String> roles) {
        return sign(FOREIGN_IDP, "https://idp.elsewhere.invalid/", user, roles, Instant.now().plus(Duration.ofHours(1)));
    }

    private static String sign(ECKey key, String issuer, String user, List<String> roles, Instant expiry) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE).subject("id-" + user)
                    .claim("preferred_username", user).claim("realm_access", Map.of("roles", roles))
                    .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2)))).expirationTime(Date.from(expiry)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HTTPS client trusting the keys folder's CA, presenting {@code users/<user>} (or nothing when null). */
    public static HttpClient client(Path keys, String user) {
        SSLContext ctx = Tls.context(user == null ? null : Tls.keyManager(
                        keys.resolve(KeyDirectory.USERS).resolve(user + ".cert.pem"),
                        keys.resolve(KeyDirectory.USERS).resolve(user + ".key.pem")),
                Tls.trusting(List.of(Tls.certificate(keys.resolve("ca.cert.pem")))));
        return HttpClient.newBuilder().sslContext(ctx).sslParameters(Tls.parameters(ctx, false))
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    /** An HTTPS client presenting the key set {@code <name>.cert.pem} of the keys folder (a partner's TLS key, ...). */
    public static HttpClient clientWithKeySet(Path keys, String name) {
        SSLContext ctx = Tls.context(Tls.keyManager(keys.resolve(name + ".cert.pem"), keys.resolve(name + ".key.pem")),
                Tls.trusting(List.of(Tls.certificate(keys.resolve("ca.cert.pem")))));
        return HttpClient.newBuilder().sslContext(ctx).sslParameters(Tls.parameters(ctx, false))
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
