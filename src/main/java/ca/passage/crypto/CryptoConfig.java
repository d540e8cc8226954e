package ca.passage.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The crypto configuration read from {@code crypto-config/}: {@code profiles/*.yaml} (one profile a file),
 * {@code policy.yaml} and {@code keystore.yaml}. Relative paths in keystore.yaml resolve against the parent
 * of the configuration directory (the installation root).
 */
public record CryptoConfig(Map<String, CryptoProfile> profiles, CryptoPolicy policy, KeystoreSettings keystore) {

    public CryptoConfig {
        profiles = Map.copyOf(profiles);
    }

    /** The named profile, which must exist and be allowed by the policy. */
    public CryptoProfile profile(String name) {
        CryptoProfile p = profiles.get(name);
        if (p == null) {
            throw new CryptoConfigException("no crypto profile named '" + name + "' in crypto-config/profiles (known: "
                    + profiles.keySet() + ")");
        }
        if (!policy.allowedProfiles().contains(name)) {
            throw new CryptoConfigException("policy.yaml: allowedProfiles does not contain '" + name + "'");
        }
        return p;
    }

    public static CryptoConfig load(Path dir) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Path policyFile = dir.resolve("policy.yaml");
        CryptoPolicy policy = readPolicy(policyFile, node(yaml, policyFile));
        Path profilesDir = dir.resolve("profiles");
        if (!Files.isDirectory(profilesDir)) {
            throw new CryptoConfigException(profilesDir + ": directory of crypto profiles is missing");
        }
        Map<String, CryptoProfile> profiles = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(profilesDir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new CryptoConfigException(profilesDir + ": cannot be listed", e);
        }
        for (Path f : files) {
            CryptoProfile p = readProfile(f, node(yaml, f), policy);
            if (profiles.put(p.name(), p) != null) {
                throw new CryptoConfigException(f + ": field 'name': profile " + p.name() + " is defined twice");
            }
        }
        for (String allowed : policy.allowedProfiles()) {
            if (!profiles.containsKey(allowed)) {
                throw new CryptoConfigException(policyFile + ": field 'allowedProfiles': no profile file defines '" + allowed + "'");
            }
        }
        Path keystoreFile = dir.resolve("keystore.yaml");
        KeystoreSettings ks = readKeystore(keystoreFile, node(yaml, keystoreFile), dir.toAbsolutePath().getParent());
        return new CryptoConfig(profiles, policy, ks);
    }

    private static JsonNode node(ObjectMapper yaml, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CryptoConfigException(file + ": file is missing");
        }
        try {
            JsonNode n = yaml.readTree(file.toFile());
            if (n == null || !n.isObject()) {
                throw new CryptoConfigException(file + ": expected a YAML mapping at the top level");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CryptoConfigException(file + ": not valid YAML (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new CryptoConfigException(file + ": cannot be read", e);
        }
    }

    private static String text(Path f, JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new CryptoConfigException(f + ": field '" + field + "' is required");
            }
            return null;
        }
        if (!v.isValueNode() || v.asText().isBlank()) {
            throw new CryptoConfigException(f + ": field '" + field + "' must be a non-empty string");
        }
        return v.asText().trim();
    }

    private static Set<String> strings(Path f, JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray()) {
            throw new CryptoConfigException(f + ": field '" + field + "' must be a list");
        }
        Set<String> out = new HashSet<>();
        for (JsonNode e : v) {
            if (!e.isTextual() || e.asText().isBlank()) {
                throw new CryptoConfigException(f + ": field '" + field + "' must contain only non-empty strings");
            }
            out.add(e.asText().trim());
        }
        return out;
    }

    private static void unknownFields(Path f, JsonNode n, Set<String> known) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!known.contains(name)) {
                throw new CryptoConfigException(f + ": field '" + name + "' is not known (known: " + known + ")");
            }
        }
    }

    private static Duration duration(Path f, JsonNode n, String field) {
        String s = text(f, n, field, true);
        try {
            Duration d = Duration.parse(s);
            if (d.isNegative() || d.isZero()) {
                throw new CryptoConfigException(f + ": field '" + field + "' must be positive");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new CryptoConfigException(f + ": field '" + field + "' must be an ISO-8601 duration like PT5M, got '" + s + "'");
        }
    }

    static CryptoPolicy readPolicy(Path f, JsonNode n) {
        unknownFields(f, n, Set.of("allowedProfiles", "allowedAlgorithms", "refusedAlgorithms", "clockSkew",
                "replayWindow", "maxMessageBytes", "requireCrl"));
        JsonNode max = n.get("maxMessageBytes");
        if (max == null || !max.canConvertToLong() || max.asLong() <= 0) {
            throw new CryptoConfigException(f + ": field 'maxMessageBytes' must be a positive integer");
        }
        JsonNode crl = n.get("requireCrl");
        if (crl != null && !crl.isBoolean()) {
            throw new CryptoConfigException(f + ": field 'requireCrl' must be true or false");
        }
        Set<String> allowed = strings(f, n, "allowedAlgorithms");
        Set<String> refused = strings(f, n, "refusedAlgorithms");
        for (String must : List.of(Algorithms.AES128_CBC, Algorithms.AES256_CBC, Algorithms.RSA_1_5, Algorithms.RSA_SHA1,
                Algorithms.SHA1, Algorithms.MD5)) {
            if (!refused.contains(must)) {
                throw new CryptoConfigException(f + ": field 'refusedAlgorithms' must contain " + must);
            }
        }
        for (String a : allowed) {
            if (refused.contains(a)) {
                throw new CryptoConfigException(f + ": field 'allowedAlgorithms' contains refused algorithm " + a);
            }
        }
        return new CryptoPolicy(strings(f, n, "allowedProfiles"), allowed, refused,
                duration(f, n, "clockSkew"), duration(f, n, "replayWindow"), max.asLong(), crl == null || crl.asBoolean());
    }

    static CryptoProfile readProfile(Path f, JsonNode n, CryptoPolicy policy) {
        unknownFields(f, n, Set.of("name", "keyFamily", "signature", "digest", "canonicalization", "contentEncryption",
                "keyTransport", "keyTransportDigest", "keyTransportMgf", "keyAgreement", "keyDerivation",
                "keyDerivationPrf", "keyWrap", "description"));
        String name = text(f, n, "name", true);
        String fam = text(f, n, "keyFamily", true);
        KeyFamily family;
        try {
            family = KeyFamily.valueOf(fam.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CryptoConfigException(f + ": field 'keyFamily' must be one of RSA, EC, ED, got '" + fam + "'");
        }
        String kt = text(f, n, "keyTransport", false);
        String ka = text(f, n, "keyAgreement", false);
        if ((kt == null) == (ka == null)) {
            throw new CryptoConfigException(f + ": exactly one of the fields 'keyTransport' and 'keyAgreement' must be set");
        }
        CryptoProfile p = new CryptoProfile(name, family,
                text(f, n, "signature", true), text(f, n, "digest", true), text(f, n, "canonicalization", true),
                text(f, n, "contentEncryption", true),
                kt, text(f, n, "keyTransportDigest", false), text(f, n, "keyTransportMgf", false),
                ka, text(f, n, "keyDerivation", ka != null), text(f, n, "keyDerivationPrf", ka != null),
                text(f, n, "keyWrap", ka != null));
        if (!p.contentEncryption().endsWith("-gcm")) {
            throw new CryptoConfigException(f + ": field 'contentEncryption' must be an AES-GCM algorithm");
        }
        if (!Algorithms.EXC_C14N.equals(p.canonicalization())) {
            throw new CryptoConfigException(f + ": field 'canonicalization' must be exclusive C14N " + Algorithms.EXC_C14N);
        }
        String[][] fields = {{"signature", p.signatureAlgorithm()}, {"digest", p.digestAlgorithm()},
            {"contentEncryption", p.contentEncryption()}, {"keyTransport", kt}, {"keyAgreement", ka},
            {"keyDerivation", p.keyDerivation()}, {"keyDerivationPrf", p.keyDerivationPrf()}, {"keyWrap", p.keyWrap()}};
        for (String[] fv : fields) {
            if (fv[1] == null) {
                continue;
            }
            if (policy.refusedAlgorithms().contains(fv[1])) {
                throw new CryptoConfigException(f + ": field '" + fv[0] + "' uses refused algorithm " + fv[1]);
            }
            if (!policy.allowedAlgorithms().contains(fv[1])) {
                throw new CryptoConfigException(f + ": field '" + fv[0] + "' uses algorithm not in policy.yaml allowedAlgorithms: " + fv[1]);
            }
        }
        List<String> problems = new ArrayList<>();
        switch (family) {
            case RSA -> {
                if (kt == null) {
                    problems.add("keyFamily RSA needs 'keyTransport'");
                }
            }
            case EC -> {
                if (!Algorithms.ECDH_ES.equals(ka)) {
                    problems.add("keyFamily EC needs 'keyAgreement' " + Algorithms.ECDH_ES);
                }
            }
            case ED -> {
                if (!Algorithms.X25519.equals(ka)) {
                    problems.add("keyFamily ED needs 'keyAgreement' " + Algorithms.X25519);
                }
            }
        }
        if (ka != null && !Algorithms.HKDF.equals(p.keyDerivation())) {
            problems.add("field 'keyDerivation' must be " + Algorithms.HKDF);
        }
        if (Algorithms.RSA_OAEP_MGF1P.equals(kt) && p.keyTransportDigest() != null && !Algorithms.SHA1.equals(p.keyTransportDigest())) {
            problems.add("field 'keyTransportDigest' must be SHA-1 (or absent) with rsa-oaep-mgf1p");
        }
        if (Algorithms.RSA_OAEP.equals(kt) && p.keyTransportDigest() == null) {
            problems.add("field 'keyTransportDigest' is required with xmlenc11#rsa-oaep");
        }
        if (!problems.isEmpty()) {
            throw new CryptoConfigException(f + ": " + String.join("; ", problems));
        }
        return p;
    }

    static KeystoreSettings readKeystore(Path f, JsonNode n, Path root) {
        unknownFields(f, n, Set.of("keyDir", "pkcs12", "pkcs11"));
        String keyDir = text(f, n, "keyDir", false);
        KeystoreSettings.Pkcs12 p12 = null;
        JsonNode p = n.get("pkcs12");
        if (p != null && !p.isNull()) {
            if (p.has("password")) {
                throw new CryptoConfigException(f + ": field 'pkcs12.password': passwords are never inline, use passwordEnv or passwordFile");
            }
            unknownFields(f, p, Set.of("path", "passwordEnv", "passwordFile"));
            String path = text(f, p, "path", true);
            String env = text(f, p, "passwordEnv", false);
            String file = text(f, p, "passwordFile", false);
            if ((env == null) == (file == null)) {
                throw new CryptoConfigException(f + ": exactly one of the fields 'pkcs12.passwordEnv' and 'pkcs12.passwordFile' must be set");
            }
            p12 = new KeystoreSettings.Pkcs12(root.resolve(path), env, file == null ? null : root.resolve(file));
        }
        if (keyDir == null && p12 == null) {
            throw new CryptoConfigException(f + ": one of the fields 'keyDir' and 'pkcs12' must be set");
        }
        KeystoreSettings.Pkcs11 p11 = null;
        JsonNode h = n.get("pkcs11");
        if (h != null && !h.isNull()) {
            unknownFields(f, h, Set.of("name", "library", "slot", "pinEnv"));
            JsonNode slot = h.get("slot");
            if (slot != null && !slot.canConvertToInt()) {
                throw new CryptoConfigException(f + ": field 'pkcs11.slot' must be an integer");
            }
            String lib = text(f, h, "library", true);
            if (!lib.startsWith("/")) {
                throw new CryptoConfigException(f + ": field 'pkcs11.library' must be an absolute path to the PKCS#11 module");
            }
            p11 = new KeystoreSettings.Pkcs11(text(f, h, "name", true), Path.of(lib),
                    slot == null ? null : slot.asInt(), text(f, h, "pinEnv", true));
        }
        return new KeystoreSettings(keyDir == null ? null : root.resolve(keyDir), p12, p11);
    }
}
