package ca.passage.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * How people authenticate and how hard the gate pushes back, from {@code access.yaml} in the crypto-config folder
 * (optional: without it, client certificates from the keys folder's CA only, no bearer tokens). Errors name the
 * file and the field.
 *
 * @param oidc             bearer tokens from the agency's OpenID Connect provider, or null
 * @param throttleFailures refused requests (401/403) one source may make within {@code throttleWindow} before
 *                         it is answered 429 until the window passes
 * @param tlsKeystore      a PKCS#12 keystore with the gateway's TLS key and certificate, or null for the keys
 *                         folder's {@code tls.cert.pem} + {@code tls.key.pem}
 * @param tlsKeystorePasswordEnv the environment variable holding that keystore's password
 */
public record AccessConfig(Oidc oidc, int throttleFailures, Duration throttleWindow, Path tlsKeystore,
                           String tlsKeystorePasswordEnv) {

    public static final String FILE = "access.yaml";

    /**
     * @param issuer    the {@code iss} every token must carry
     * @param audience  the {@code aud} every token must include
     * @param jwks      the provider's signing keys: an {@code https://} URL or a JWK Set file
     * @param roleClaim where the roles are, a dot path ({@code roles}, {@code realm_access.roles})
     * @param userClaim the user id claim ({@code preferred_username}, default {@code sub})
     * @param clockSkew tolerated clock difference for {@code exp}/{@code nbf}
     */
    public record Oidc(String issuer, String audience, String jwks, String roleClaim, String userClaim,
                       Duration clockSkew) {
    }

    public static AccessConfig defaults() {
        return new AccessConfig(null, 20, Duration.ofMinutes(1), null, null);
    }

    public AccessConfig withOidc(Oidc o) {
        return new AccessConfig(o, throttleFailures, throttleWindow, tlsKeystore, tlsKeystorePasswordEnv);
    }

    public AccessConfig withThrottle(int failures, Duration window) {
        return new AccessConfig(oidc, failures, window, tlsKeystore, tlsKeystorePasswordEnv);
    }

    /** Reads {@code dir/access.yaml}; defaults when there is none. */
    public static AccessConfig load(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(file + ": not valid YAML: " + e.getMessage());
        }
        AccessConfig c = defaults();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return c;
        }
        JsonNode o = root.path("oidc");
        if (!o.isMissingNode() && !o.isNull()) {
            c = c.withOidc(new Oidc(required(file, o, "oidc.issuer"), required(file, o, "oidc.audience"),
                    required(file, o, "oidc.jwks"), text(o, "roleClaim", "roles"), text(o, "userClaim", "sub"),
                    duration(file, o, "oidc.clockSkew", Duration.ofSeconds(60))));
        }
        JsonNode t = root.path("throttle");
        if (!t.isMissingNode()) {
            int failures = t.path("failures").asInt(c.throttleFailures());
            if (failures < 1) {
                throw new IllegalStateException(file + ": field 'throttle.failures' must be at least 1");
            }
            c = c.withThrottle(failures, duration(file, t, "throttle.window", c.throttleWindow()));
        }
        JsonNode tls = root.path("tls");
        if (!tls.isMissingNode() && tls.hasNonNull("keystore")) {
            Path ks = dir.resolve(tls.get("keystore").asText());
            c = new AccessConfig(c.oidc(), c.throttleFailures(), c.throttleWindow(), ks,
                    required(file, tls, "tls.keystorePasswordEnv"));
        }
        return c;
    }

    private static String required(Path file, JsonNode node, String field) {
        String leaf = field.substring(field.lastIndexOf('.') + 1);
        if (!node.hasNonNull(leaf) || node.get(leaf).asText().isBlank()) {
            throw new IllegalStateException(file + ": field '" + field + "' is required");
        }
        return node.get(leaf).asText();
    }

    private static String text(JsonNode node, String field, String dflt) {
        return node.hasNonNull(field) ? node.get(field).asText() : dflt;
    }

    private static Duration duration(Path file, JsonNode node, String field, Duration dflt) {
        String leaf = field.substring(field.lastIndexOf('.') + 1);
        if (!node.hasNonNull(leaf)) {
            return dflt;
        }
        try {
            return Duration.parse(node.get(leaf).asText());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(file + ": field '" + field + "' must be an ISO-8601 duration (PT60S)");
        }
    }
}
