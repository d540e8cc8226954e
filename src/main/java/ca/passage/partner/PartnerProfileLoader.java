package ca.passage.partner;

import ca.passage.notice.HandlingCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads every {@code *.yaml} in the partner-profiles folder and refuses the first broken one with a message that
 * names the file and the field, so that an operator sees at start-up what to fix.
 */
public final class PartnerProfileLoader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Set<String> FIELDS = Set.of("id", "name", "country", "format", "channel", "certificate",
            "cryptoProfile", "acknowledgementTimeout", "retry", "agreement", "enabled");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final Set<String> knownFormats;
    private final Set<String> knownCryptoProfiles;

    public PartnerProfileLoader(Set<String> knownFormats, Set<String> knownCryptoProfiles) {
        this.knownFormats = Set.copyOf(knownFormats);
        this.knownCryptoProfiles = Set.copyOf(knownCryptoProfiles);
    }

    public PartnerRegistry loadRegistry(Path dir) {
        return new PartnerRegistry(load(dir));
    }

    public List<PartnerProfile> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new PartnerProfileException(dir + ": partner profiles folder not found");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new PartnerProfileException(dir + ": cannot list partner profiles: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new PartnerProfileException(dir + ": no partner profile (*.yaml) found");
        }
        // Ids are unique because each file must be named <id>.yaml (checked in loadOne).
        List<PartnerProfile> profiles = new ArrayList<>();
        for (Path file : files) {
            profiles.add(loadOne(file));
        }
        return profiles;
    }

    public PartnerProfile loadOne(Path file) {
        JsonNode root;
        try {
            root = yaml.readTree(file.toFile());
        } catch (IOException e) {
            throw new PartnerProfileException(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new PartnerProfileException(file + ": expected a YAML mapping with the partner's fields");
        }
        Fields f = new Fields(file, root, "");
        f.rejectUnknown(FIELDS);
        String id = f.text("id", ID, "lower-case letters, digits and dashes");
        String expectedFile = id + ".yaml";
        if (!file.getFileName().toString().equals(expectedFile)) {
            throw new PartnerProfileException(file + ": field 'id': the file of partner " + id + " must be named " + expectedFile);
        }
        String format = f.text("format", null, null);
        if (!knownFormats.contains(format)) {
            throw f.error("format", "unknown format " + format + " (known: " + String.join(", ", sorted(knownFormats)) + ")");
        }
        String cryptoProfile = f.text("cryptoProfile", null, null);
        if (!knownCryptoProfiles.contains(cryptoProfile)) {
            throw f.error("cryptoProfile", "unknown crypto profile " + cryptoProfile
                    + " (known: " + String.join(", ", sorted(knownCryptoProfiles)) + ")");
        }
        return new PartnerProfile(
                id,
                f.text("name", null, null),
                f.text("country", COUNTRY, "an ISO 3166 alpha-2 code such as FR"),
                format,
                channel(f.object("channel"), f.object("agreement").text("reference", null, null)),
                f.text("certificate", null, null),
                cryptoProfile,
                f.duration("acknowledgementTimeout"),
                retry(f.object("retry")),
                agreement(f.object("agreement"), f.text("country", COUNTRY, "an ISO 3166 alpha-2 code such as FR")),
                f.bool("enabled"));
    }

    private static final Set<String> AS4_VARIANTS = Set.of("as4-1.x-rsa", "as4-2.0-eddsa");

    private static Channel channel(Fields f, String agreementReference) {
        f.rejectUnknown(Set.of("type", "endpoint", "consumers", "as4"));
        int consumers = f.has("consumers") ? f.integer("consumers", 1, 64) : Channel.DEFAULT_CONSUMERS;
        String type = f.text("type", Pattern.compile("http|as4"), "http or as4");
        String endpoint = f.text("endpoint", null, null);
        URI uri;
        try {
            uri = new URI(endpoint);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw f.error("endpoint", "must be an http(s) URL with a host, got " + endpoint);
            }
        } catch (URISyntaxException e) {
            throw f.error("endpoint", "not a URL: " + endpoint);
        }
        if (Channel.HTTP.equals(type)) {
            if (f.node().has("as4")) {
                throw f.error("as4", "only for channel type as4");
            }
            return new Channel(type, uri, consumers);
        }
        return new Channel(type, uri, consumers, as4(f.object("as4"), agreementReference));
    }

    private static As4Settings as4(Fields f, String agreementReference) {
        f.rejectUnknown(Set.of("partnerPartyId", "ourPartyId", "partyIdType", "initiatorRole", "responderRole",
                "service", "serviceType", "action", "agreementRef", "pmodeId", "cryptoVariant"));
        String variant = f.text("cryptoVariant", null, null);
        if (!AS4_VARIANTS.contains(variant)) {
            throw f.error("cryptoVariant", "'" + variant + "' is not one of " + sorted(AS4_VARIANTS));
        }
        return new As4Settings(f.text("partnerPartyId", null, null), f.text("ourPartyId", null, null),
                f.optionalText("partyIdType"), f.text("initiatorRole", null, null), f.text("responderRole", null, null),
                f.text("service", null, null), f.optionalText("serviceType"), f.text("action", null, null),
                f.node().has("agreementRef") ? f.text("agreementRef", null, null) : agreementReference,
                f.optionalText("pmodeId"), variant);
    }

    private static RetryPolicy retry(Fields f) {
        f.rejectUnknown(Set.of("maxAttempts", "initialDelay", "multiplier", "maxDelay"));
        int maxAttempts = f.integer("maxAttempts", 1, 100);
        Duration initial = f.duration("initialDelay");
        double multiplier = f.decimal("multiplier", 1.0, 10.0);
        Duration max = f.duration("maxDelay");
        if (max.compareTo(initial) < 0) {
            throw f.error("maxDelay", "must not be shorter than initialDelay");
        }
        return new RetryPolicy(maxAttempts, initial, multiplier, max);
    }

    private static SharingAgreement agreement(Fields f, String country) {
        f.rejectUnknown(Set.of("reference", "legalBasis", "allowedCategories", "defaultHandlingCode",
                "maxHandlingCode", "onwardTransfer", "retention", "domesticAuthority", "provincialAuthorities",
                "victimFields"));
        Set<VictimField> victimFields = EnumSet.noneOf(VictimField.class);
        if (f.has("victimFields")) {
            for (String name : f.textList("victimFields")) {
                VictimField field = f.enumValue("victimFields", VictimField.class, name);
                if (!field.appliesTo(country)) {
                    throw f.error("victimFields", field + " is not something a partner in " + country
                            + " can act on (country " + country + ")");
                }
                victimFields.add(field);
            }
        }
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        for (String name : f.textList("allowedCategories")) {
            categories.add(f.enumValue("allowedCategories", DataCategory.class, name));
        }
        HandlingCode def = f.enumValue("defaultHandlingCode", HandlingCode.class, f.text("defaultHandlingCode", null, null));
        HandlingCode max = f.enumValue("maxHandlingCode", HandlingCode.class, f.text("maxHandlingCode", null, null));
        if (def.compareTo(max) > 0) {
            throw f.error("defaultHandlingCode", def + " is more restrictive than maxHandlingCode " + max);
        }
        OnwardTransfer onward = f.enumValue("onwardTransfer", OnwardTransfer.class, f.text("onwardTransfer", null, null));
        if (onward != OnwardTransfer.ALLOWED && max.compareTo(HandlingCode.H2) < 0) {
            throw f.error("maxHandlingCode", "onwardTransfer " + onward + " means every notice leaves with at least "
                    + "H2 (not to be passed on), more restrictive than " + max);
        }
        Map<String, String> provincial = new LinkedHashMap<>();
        if (f.node().has("provincialAuthorities")) {
            Fields p = f.object("provincialAuthorities");
            for (Iterator<String> it = p.node().fieldNames(); it.hasNext(); ) {
                String agency = it.next();
                provincial.put(agency, p.text(agency, null, null));
            }
        }
        return new SharingAgreement(
                f.text("reference", null, null),
                f.text("legalBasis", null, null),
                categories,
                def,
                max,
                onward,
                f.period("retention"),
                f.text("domesticAuthority", null, null),
                provincial,
                victimFields);
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    /** Typed access to one YAML mapping, each failure naming file and dotted field path. */
    private record Fields(Path file, JsonNode node, String prefix) {

        PartnerProfileException error(String field, String message) {
            return new PartnerProfileException(file + ": field '" + prefix + field + "': " + message);
        }

        void rejectUnknown(Set<String> allowed) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    throw error(name, "unknown field (expected one of: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            }
        }

        JsonNode required(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
                throw error(field, "is required");
            }
            return v;
        }

        String text(String field, Pattern pattern, String expected) {
            JsonNode v = required(field);
            if (!v.isValueNode()) {
                throw error(field, "must be a single value");
            }
            String s = v.asText().trim();
            if (pattern != null && !pattern.matcher(s).matches()) {
                throw error(field, "'" + s + "' is not " + expected);
            }
            return s;
        }

        List<String> textList(String field) {
            JsonNode v = required(field);
            if (!v.isArray()) {
                throw error(field, "must be a list");
            }
            List<String> out = new ArrayList<>();
            v.forEach(item -> out.add(item.asText().trim()));
            return out;
        }

        String optionalText(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
                return null;
            }
            return text(field, null, null);
        }

        Fields object(String field) {
            JsonNode v = required(field);
            if (!v.isObject()) {
                throw error(field, "must be a mapping");
            }
            return new Fields(file, v, prefix + field + ".");
        }

        boolean bool(String field) {
            JsonNode v = required(field);
            if (!v.isBoolean()) {
                throw error(field, "must be true or false");
            }
            return v.asBoolean();
        }

        boolean has(String field) {
            JsonNode v = node.get(field);
            return v != null && !v.isNull();
        }

        int integer(String field, int min, int max) {
            JsonNode v = required(field);
            if (!v.isInt() || v.asInt() < min || v.asInt() > max) {
                throw error(field, "must be a whole number from " + min + " to " + max);
            }
            return v.asInt();
        }

        double decimal(String field, double min, double max) {
            JsonNode v = required(field);
            if (!v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
                throw error(field, "must be a number from " + min + " to " + max);
            }
            return v.asDouble();
        }

        Duration duration(String field) {
            String s = text(field, null, null);
            try {
                Duration d = Duration.parse(s);
                if (d.isNegative() || d.isZero()) {
                    throw error(field, "must be positive");
                }
                return d;
            } catch (DateTimeParseException e) {
                throw error(field, "'" + s + "' is not an ISO-8601 duration such as PT30S or PT5M");
            }
        }

        Period period(String field) {
            String s = text(field, null, null);
            try {
                Period p = Period.parse(s);
                if (p.isNegative() || p.isZero()) {
                    throw error(field, "must be positive");
                }
                return p;
            } catch (DateTimeParseException e) {
                throw error(field, "'" + s + "' is not an ISO-8601 period such as P5Y or P18M");
            }
        }

        <E extends Enum<E>> E enumValue(String field, Class<E> type, String value) {
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
                throw error(field, "'" + value + "' is not one of " + String.join(", ", names));
            }
        }
    }
}
