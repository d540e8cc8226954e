package ca.passage.translate;

import ca.passage.notice.CaseNotice;
import ca.passage.notice.NoticeParser;
import ca.passage.notice.NoticeRules;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PartnerProfileLoader;
import ca.passage.xml.SecureXml;
import org.w3c.dom.Element;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Shared fixtures: the shipped partner profiles, the sample notices, a parser at a fixed date. */
final class TestSupport {

    static final Path SAMPLES = Path.of("samples/notices");
    static final Map<String, PartnerProfile> PARTNERS = new PartnerProfileLoader(
            Set.of("interpol-notice", "eu-umf", "us-niem", "ca-native"), Set.of("ec", "ed", "rsa", "rsa-compat"))
            .load(Path.of("partner-profiles")).stream()
            .collect(Collectors.toMap(PartnerProfile::id, Function.identity()));
    static final NoticeParser PARSER = new NoticeParser(
            new NoticeRules(id -> PARTNERS.containsKey(id) ? null : "unknown partner " + id),
            256 * 1024, Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC));
    static final TranslatorRegistry REGISTRY = Translators.standard();

    private TestSupport() {
    }

    static List<Path> samples() {
        try (Stream<Path> s = Files.list(SAMPLES)) {
            return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CaseNotice sample(Path file) {
        try {
            return PARSER.parse(Files.readAllBytes(file), NoticeParser.Format.XML);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CaseNotice sample(String name) {
        return sample(SAMPLES.resolve(name));
    }

    static Element element(byte[] xml) {
        try {
            return SecureXml.parse(xml).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A partner and the format its payload is made in, for a property test's check. */
    record Target(PartnerProfile partner, String format) {
    }

    /**
     * What a property test checks each random notice against: every shipped partner in its own format, and a partner
     * under a fresh random agreement in every format.
     */
    static List<Target> targets(ca.passage.testing.RandomNotices random) {
        List<Target> out = new java.util.ArrayList<>();
        PARTNERS.values().forEach(p -> out.add(new Target(p, p.format())));
        PartnerProfile randomPartner = ca.passage.testing.RandomNotices.partnerWith(random.agreement(), PARTNERS.get("eu-agency"));
        REGISTRY.formats().forEach(f -> out.add(new Target(randomPartner, f)));
        return out;
    }

    static PartnerTranslator translatorFor(PartnerProfile p) {
        return REGISTRY.forFormat(p.format());
    }
}
