package ca.passage.translate;

import ca.passage.notice.CaseNotice;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.SharingPolicyException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For each sample notice and each shipped partner, the exact partner XML after the sharing policy, reviewed by hand
 * once and kept in {@code src/test/resources/golden/<partner>/<sample>.xml}; a refusal is kept as
 * {@code <sample>.refused.txt} with its message. The notices in {@code src/test/resources/redaction-notices} are
 * there for the free-text screener: their golden files show each format's redactions. Only whitespace between elements is insignificant.
 * Regenerate (then review the diff!) with {@code -Dgolden.update=true}.
 */
class GoldenFilesTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /** Notices written to exercise the free-text screener (identifiers of removed persons in every free text). */
    private static final Path REDACTION = Path.of("src/test/resources/redaction-notices");

    static List<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        List<Path> notices = new ArrayList<>(TestSupport.samples());
        try (var redaction = Files.list(REDACTION)) {
            redaction.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(notices::add);
        }
        for (Path sample : notices) {
            for (String partner : TestSupport.PARTNERS.keySet().stream().sorted().toList()) {
                out.add(Arguments.of(sample.getFileName().toString(), partner));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cases")
    void partnerXmlIsExactlyTheReviewedOne(String sample, String partnerId) throws IOException {
        Path source = TestSupport.SAMPLES.resolve(sample);
        CaseNotice notice = TestSupport.sample(Files.exists(source) ? source : REDACTION.resolve(sample));
        PartnerProfile partner = TestSupport.PARTNERS.get(partnerId);
        String base = sample.replaceFirst("\\.xml$", "");
        Path xmlFile = GOLDEN.resolve(partnerId).resolve(base + ".xml");
        Path refusedFile = GOLDEN.resolve(partnerId).resolve(base + ".refused.txt");

        String actual;
        Path expectedFile;
        try {
            actual = new String(TestSupport.translatorFor(partner).toPartner(notice, partner).xml(), StandardCharsets.UTF_8);
            expectedFile = xmlFile;
        } catch (TranslationException | SharingPolicyException refused) {
            actual = refused.getMessage() + "\n";
            expectedFile = refusedFile;
        }
        if (UPDATE) {
            Files.createDirectories(expectedFile.getParent());
            Files.deleteIfExists(xmlFile);
            Files.deleteIfExists(refusedFile);
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        }
        assertThat(expectedFile).as("golden file for %s -> %s", sample, partnerId).exists();
        Path other = expectedFile.equals(xmlFile) ? refusedFile : xmlFile;
        assertThat(other).as("stale golden file").doesNotExist();
        assertThat(normalise(actual)).isEqualTo(normalise(Files.readString(expectedFile, StandardCharsets.UTF_8)));
    }

    /**
     * The Canadian-native format has no shipped partner, so its redactions are pinned under each shipped partner's
     * agreement: {@code golden/ca-native/<partner>/<notice>.xml} for the free-text notices and the victim-centred one.
     */
    static List<Arguments> caNativeCases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        List<Path> notices = new ArrayList<>(List.of(TestSupport.SAMPLES.resolve("14-blue-labour-victim-centred.xml")));
        try (var redaction = Files.list(REDACTION)) {
            redaction.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(notices::add);
        }
        for (Path notice : notices) {
            for (String partner : TestSupport.PARTNERS.keySet().stream().sorted().toList()) {
                out.add(Arguments.of(notice.getFileName().toString(), partner));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} -> ca-native under {1}'s agreement")
    @MethodSource("caNativeCases")
    void caNativeXmlUnderEachAgreementIsExactlyTheReviewedOne(String sample, String partnerId) throws IOException {
        Path source = TestSupport.SAMPLES.resolve(sample);
        CaseNotice notice = TestSupport.sample(Files.exists(source) ? source : REDACTION.resolve(sample));
        PartnerProfile partner = TestSupport.PARTNERS.get(partnerId);
        String actual = new String(TestSupport.REGISTRY.forFormat(CaNativeTranslator.FORMAT).toPartner(notice, partner).xml(),
                StandardCharsets.UTF_8);
        Path expectedFile = GOLDEN.resolve(CaNativeTranslator.FORMAT).resolve(partnerId).resolve(sample);
        if (UPDATE) {
            Files.createDirectories(expectedFile.getParent());
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        }
        assertThat(expectedFile).as("golden file for %s -> ca-native under %s", sample, partnerId).exists();
        assertThat(normalise(actual)).isEqualTo(normalise(Files.readString(expectedFile, StandardCharsets.UTF_8)));
    }

    /** Whitespace between elements and at the ends is insignificant; everything else must match exactly. */
    static String normalise(String xml) {
        return xml.replaceAll(">\\s+<", "><").strip();
    }
}
