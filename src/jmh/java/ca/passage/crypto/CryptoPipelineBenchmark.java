package ca.passage.crypto;

import ca.passage.devtools.pki.DevPki;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.w3c.dom.Document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Crypto pipeline for a typical ~8 KB notice, per profile, one thread: seal (sign + encrypt, gateway to partner)
 * and open (decrypt + verify against the pinned certificate, partner to gateway). Keys are generated per fork.
 */
@State(Scope.Benchmark)
public class CryptoPipelineBenchmark {
    @Param({"ec", "ed", "rsa-compat"})
    public String profileName;

    private Path dir;
    private CryptoProfile profile;
    private MessageSealer gatewaySealer;
    private MessageOpener gatewayOpener;
    private PartnerTrust partner;
    private Document envelope;
    private byte[] inbound;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("passage-bench");
        CryptoConfig config = CryptoConfig.load(Path.of("crypto-config"));
        profile = config.profile(profileName);
        String partnerId = "partner-" + profileName.replace("-", "");
        new DevPki().init(dir, List.of(new PartnerKeySpec(partnerId, profile.keyFamily())));
        Clock clock = Clock.systemUTC();
        Keyring gateway = Keyring.load(dir, KeyDirectory.GATEWAY);
        gatewaySealer = new MessageSealer(gateway, config.policy(), clock);
        gatewayOpener = new MessageOpener(gateway, config.policy(), clock);
        partner = PartnerTrust.load(dir, partnerId, profile.keyFamily());
        envelope = envelope("gateway", partnerId);
        inbound = new MessageSealer(Keyring.load(dir, partnerId), config.policy(), clock)
                .seal(envelope(partnerId, "gateway"), PartnerTrust.load(dir, KeyDirectory.GATEWAY, profile.keyFamily()), profile);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public byte[] seal() {
        return gatewaySealer.seal(envelope, partner, profile);
    }

    @Benchmark
    public OpenedMessage open() {
        return gatewayOpener.open(inbound, partner, profile);
    }

    /** An envelope with an ~8 KB partner-format notice payload. */
    static Document envelope(String from, String to) throws Exception {
        StringBuilder body = new StringBuilder();
        int i = 0;
        while (body.length() < 8 * 1024) {
            body.append("<n:Person role=\"WITNESS\"><n:Name>Person ").append(i++)
                    .append("</n:Name><n:Note>observed at the port on the stated date</n:Note></n:Person>\n");
        }
        String xml = "<env:Message xmlns:env=\"urn:ca:passage:envelope:1\"><env:Header Id=\"h-1\">"
                + "<env:MessageId>m-1</env:MessageId><env:ConversationId>c-1</env:ConversationId>"
                + "<env:From>" + from + "</env:From><env:To>" + to + "</env:To><env:Service>notice</env:Service>"
                + "<env:Action>deliver</env:Action><env:Timestamp>2026-11-29T16:00:00Z</env:Timestamp>"
                + "<env:HandlingCode>H1</env:HandlingCode><env:PayloadFormat>urn:example:notice:1</env:PayloadFormat>"
                + "</env:Header><env:Payload Id=\"p-1\"><n:Notice xmlns:n=\"urn:example:notice:1\">" + body
                + "</n:Notice></env:Payload></env:Message>";
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
