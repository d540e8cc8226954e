package ca.passage.crypto;

import ca.passage.devtools.pki.DevPki;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Shared test set-up: the real crypto-config, a dev PKI in a temp dir, envelopes like the envelope package builds. */
final class Fixture {
    static final Path CONFIG_DIR = Path.of("crypto-config");
    static final String EC = "fr-police";
    static final String ED = "ee-police";
    static final String RSA = "uk-police";
    static final String RSA2 = "de-police";

    final Path dir;
    final CryptoConfig config;
    final Clock clock = Clock.systemUTC();

    Fixture(Path dir) {
        this(dir, Clock.systemUTC());
    }

    /** {@code pkiClock}: the time the dev PKI believes it is when issuing (validity starts 5 minutes before). */
    Fixture(Path dir, Clock pkiClock) {
        this.dir = dir;
        this.config = CryptoConfig.load(CONFIG_DIR);
        new DevPki(pkiClock).init(dir, List.of(new PartnerKeySpec(EC, KeyFamily.EC), new PartnerKeySpec(ED, KeyFamily.ED),
                new PartnerKeySpec(RSA, KeyFamily.RSA), new PartnerKeySpec(RSA2, KeyFamily.RSA)));
    }

    CryptoProfile profile(String name) {
        return config.profile(name);
    }

    static String partnerFor(String profile) {
        return switch (profile) {
            case "ec" -> EC;
            case "ed" -> ED;
            default -> RSA;
        };
    }

    Keyring gateway() {
        return Keyring.load(dir, KeyDirectory.GATEWAY);
    }

    Keyring partner(String id) {
        return Keyring.load(dir, id);
    }

    /** How the gateway sees a partner. */
    PartnerTrust trustOf(String partnerId, CryptoProfile p) {
        return PartnerTrust.load(dir, partnerId, p.keyFamily());
    }

    /** How a partner sees the gateway. */
    PartnerTrust gatewayTrust(CryptoProfile p) {
        return PartnerTrust.load(dir, KeyDirectory.GATEWAY, p.keyFamily());
    }

    MessageSealer sealer(Keyring k) {
        return new MessageSealer(k, config.policy(), clock);
    }

    MessageOpener opener(Keyring k) {
        return new MessageOpener(k, config.policy(), clock);
    }

    static Document envelope(String from, String to, Instant timestamp, int payloadBytes) {
        String mid = UUID.randomUUID().toString();
        StringBuilder body = new StringBuilder();
        int i = 0;
        while (body.length() < payloadBytes) {
            body.append("<n:Person role=\"WITNESS\"><n:Name>Person ").append(i++)
                    .append("</n:Name><n:Note>seen near the port &amp; the station, ÅÄÖ é</n:Note></n:Person>\n");
        }
        String xml = "<env:Message xmlns:env=\"urn:ca:passage:envelope:1\">\n"
                + "  <env:Header Id=\"h-" + mid + "\">\n"
                + "    <env:MessageId>" + mid + "</env:MessageId><env:ConversationId>c-1</env:ConversationId>\n"
                + "    <env:From>" + from + "</env:From><env:To>" + to + "</env:To><env:Service>notice</env:Service>"
                + "<env:Action>deliver</env:Action>\n"
                + "    <env:Timestamp>" + timestamp + "</env:Timestamp><env:HandlingCode>H1</env:HandlingCode>\n"
                + "    <env:PayloadFormat>urn:example:notice:1</env:PayloadFormat>\n"
                + "  </env:Header>\n"
                + "  <env:Payload Id=\"p-" + mid + "\"><n:Notice xmlns:n=\"urn:example:notice:1\" colour=\"YELLOW\">\n"
                + body + "</n:Notice></env:Payload>\n"
                + "</env:Message>";
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    Document envelope(String from, String to) {
        return envelope(from, to, clock.instant(), 8 * 1024);
    }

    static Document parse(byte[] xml) {
        try {
            return MessageXml.builder().parse(new java.io.ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static Element notice(OpenedMessage m) {
        return (Element) m.payload().getElementsByTagNameNS("urn:example:notice:1", "Notice").item(0);
    }
}
