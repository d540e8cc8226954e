package ca.passage.intake;

import ca.passage.notice.CaseNotice;
import ca.passage.notice.NoticeParser;
import ca.passage.notice.NoticeRules;
import ca.passage.partner.PartnerProfileLoader;
import ca.passage.partner.PartnerRegistry;
import ca.passage.translate.TranslatorRegistry;
import ca.passage.translate.Translators;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

/**
 * What {@link NoticeIntake} does with a notice before the store, one thread: parse (XSD, Jackson, business rules),
 * each recipient's sharing policy, screening and mapping ({@code checkRecipients}), and the canonical XML the store
 * keeps. The notice is {@code samples/notices/02-red-labour-suspect.xml}, addressed to the three shipped partners.
 */
@State(Scope.Benchmark)
public class BeforeStoreBenchmark {

    static final Path NOTICE = Path.of("samples/notices/02-red-labour-suspect.xml");

    private NoticeParser parser;
    private NoticeIntake intake;
    private byte[] body;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        TranslatorRegistry translators = Translators.standard();
        PartnerRegistry partners = new PartnerProfileLoader(translators.formats(), Set.of("ec", "ed", "rsa", "rsa-compat"))
                .loadRegistry(Path.of("partner-profiles"));
        // the sample's dates are valid on this day; the store is never reached
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
        parser = new NoticeParser(new NoticeRules(partners::refusalFor), 256 * 1024, clock);
        intake = new NoticeIntake(parser, null, partners, translators, clock);
        body = Files.readAllBytes(NOTICE);
    }

    /** Everything intake does before the store; returns the canonical bytes so that nothing is optimised away. */
    @Benchmark
    public byte[] beforeStore() {
        CaseNotice notice = parser.parse(body, NoticeParser.Format.XML);
        Map<String, String> approvalReasons = intake.checkRecipients(notice);
        if (approvalReasons.size() != 3) {
            throw new IllegalStateException("expected three recipients, got " + approvalReasons.keySet());
        }
        return parser.toXml(notice);
    }
}
