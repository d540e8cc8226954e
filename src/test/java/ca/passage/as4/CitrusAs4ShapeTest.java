package ca.passage.as4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citrusframework.http.actions.HttpActionBuilder.http;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.citrusframework.TestCaseRunner;
import org.citrusframework.annotations.CitrusResource;
import org.citrusframework.annotations.CitrusTest;
import org.citrusframework.http.client.HttpClient;
import org.citrusframework.http.client.HttpClientBuilder;
import org.citrusframework.http.message.HttpMessage;
import org.citrusframework.junit.jupiter.CitrusSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.w3c.dom.Document;

import ca.passage.channel.as4.As4PartnerChannel;
import ca.passage.crypto.CryptoConfig;
import ca.passage.devtools.pki.DevPki;
import ca.passage.crypto.KeyFamily;
import ca.passage.crypto.Keyring;
import ca.passage.crypto.PartnerKeySpec;
import ca.passage.crypto.PartnerTrust;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PartnerProfileLoader;
import ca.passage.devtools.sim.PartnerSimulator;
import ca.passage.translate.Translators;
import ca.passage.xml.SecureXml;

/**
 * The SOAP and ebMS shape of what Passage sends to an {@code as4} partner and of the signed receipt it gets back,
 * checked with XPath: the gateway's AS4 channel seals a UserMessage for the shipped {@code eu-agency} profile, Citrus
 * posts it (binary MIME) to the simulated agency (the same channel code, roles turned round) and receives the
 * receipt. The XPath runs on the SOAP parts directly: Citrus' own XML validation compares against a control
 * message and could not be told to skip that for this answer.
 */
@CitrusSupport
class CitrusAs4ShapeTest {
    private static final Map<String, String> NS = Map.of(
            "S12", Ebms.SOAP12, "eb", Ebms.EBMS, "ebbp", Ebms.EBBP, "wsse", Ebms.WSSE, "ds", Ebms.DSIG,
            "xenc", "http://www.w3.org/2001/04/xmlenc#");

    private static Path dir;
    private static PartnerSimulator agency;
    private static PartnerProfile profile;
    private static As4PartnerChannel gatewaySide;
    private static HttpClient client;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("passage-citrus-as4");
        Path keys = dir.resolve("keys");
        CryptoConfig crypto = CryptoConfig.load(Path.of("crypto-config"));
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        int port = freePort();
        Files.writeString(profiles.resolve("eu-agency.yaml"), Files.readString(Path.of("partner-profiles/eu-agency.yaml"))
                .replace("127.0.0.1:9102", "127.0.0.1:" + port));
        profile = new PartnerProfileLoader(Translators.standard().formats(), crypto.profiles().keySet())
                .loadOne(profiles.resolve("eu-agency.yaml"));
        new DevPki().init(keys, List.of(new PartnerKeySpec("eu-agency", KeyFamily.ED)));
        agency = new PartnerSimulator(profile, Translators.standard().forFormat(profile.format()),
                crypto.profile(profile.cryptoProfile()), crypto.policy(), keys, null, 0, Clock.systemUTC());
        agency.start(port);
        PartnerTrust agencyTrust = PartnerTrust.load(keys, "eu-agency", KeyFamily.ED);
        gatewaySide = new As4PartnerChannel(Keyring.load(keys, ca.passage.crypto.KeyDirectory.GATEWAY), id -> agencyTrust,
                As4PartnerChannel.anchorsIn(keys), new As4Codec(Clock.systemUTC(), 1_000_000),
                new As4HttpClient(endpoint -> gatewayTls(keys), java.time.Duration.ofSeconds(30)), false);
        // Citrus posts as the gateway would: mutual TLS with the gateway's transport certificate
        client = new HttpClientBuilder().requestUrl("https://127.0.0.1:" + port)
                .requestFactory(new org.springframework.http.client.JdkClientHttpRequestFactory(gatewayTls(keys))).build();
    }

    /** The gateway's side of the partner's mutual-TLS listener: its TLS key set, the development CA trusted. */
    private static java.net.http.HttpClient gatewayTls(Path keys) {
        javax.net.ssl.SSLContext tls = ca.passage.access.Tls.context(
                ca.passage.access.Tls.keyManager(keys.resolve("tls.cert.pem"), keys.resolve("tls.key.pem")),
                ca.passage.access.Tls.trusting(List.of(ca.passage.access.Tls.certificate(keys.resolve("ca.cert.pem")))));
        return java.net.http.HttpClient.newBuilder().sslContext(tls)
                .sslParameters(ca.passage.access.Tls.parameters(tls, false))
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        agency.close();
    }

    @Test
    @CitrusTest
    void userMessageAndSignedReceiptHaveTheEdeliveryShape(@CitrusResource TestCaseRunner runner) throws Exception {
        String messageId = As4Codec.newMessageId();
        // a real EU-format message (the translator's golden output for a sample notice): the agency reads it
        byte[] payload = Files.readAllBytes(Path.of("src/test/resources/golden/eu-agency/02-red-labour-suspect.xml"));
        SealedUserMessage sealed = gatewaySide.seal(profile, messageId, "conv-1", payload, "eu-umf/1", "H1", Instant.now());

        // the UserMessage: SOAP 1.2, ebMS header with the profile's P-Mode values, signed, attachment encrypted
        As4Mime.Unpacked parts = As4Mime.unpack(sealed.packet().contentType(), sealed.packet().body());
        assertThat(sealed.packet().contentType()).startsWith("multipart/related").contains("application/soap+xml");
        assertThat(parts.attachments()).singleElement()
                .satisfies(a -> assertThat(a.contentType()).isEqualTo("application/octet-stream"));
        Document soap = SecureXml.parse(parts.soap());
        String um = "/S12:Envelope/S12:Header/eb:Messaging/eb:UserMessage";
        assertXpath(soap, "string(/S12:Envelope/S12:Header/eb:Messaging/@S12:mustUnderstand)", "true");
        assertXpath(soap, "string(" + um + "/eb:MessageInfo/eb:MessageId)", messageId);
        assertXpath(soap, "string(" + um + "/eb:PartyInfo/eb:From/eb:PartyId)", "ca-passage");
        assertXpath(soap, "string(" + um + "/eb:PartyInfo/eb:To/eb:PartyId)", "eu-agency");
        assertXpath(soap, "string(" + um + "/eb:PartyInfo/eb:To/eb:Role)",
                "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/responder");
        assertXpath(soap, "string(" + um + "/eb:CollaborationInfo/eb:Service)", "urn:passage:services:case-notice");
        assertXpath(soap, "string(" + um + "/eb:CollaborationInfo/eb:Action)", "DeliverNotice");
        assertXpath(soap, "string(" + um + "/eb:CollaborationInfo/eb:AgreementRef)", "CA-EU-OPAG-2016");
        assertXpath(soap, "string(" + um + "/eb:CollaborationInfo/eb:ConversationId)", "conv-1");
        assertXpath(soap, "string(" + um + "/eb:PayloadInfo/eb:PartInfo/eb:PartProperties/eb:Property[@name='CompressionType'])",
                "application/gzip");
        assertXpath(soap, "string(" + um + "/eb:PayloadInfo/eb:PartInfo/eb:PartProperties/eb:Property[@name='MimeType'])",
                "application/xml");
        assertXpath(soap, "string(/S12:Envelope/S12:Header/wsse:Security/ds:Signature/ds:SignedInfo/ds:SignatureMethod/@Algorithm)",
                As4CryptoVariant.AS4_2_EDDSA.signatureAlgorithm());
        assertXpath(soap, "string(count(/S12:Envelope/S12:Header/wsse:Security/ds:Signature/ds:SignedInfo/ds:Reference))", "3");
        assertXpath(soap, "string(/S12:Envelope/S12:Header/wsse:Security/xenc:EncryptedData/xenc:EncryptionMethod/@Algorithm)",
                As4CryptoVariant.AES128_GCM);
        assertXpath(soap, "string(count(/S12:Envelope/S12:Body/*))", "0");

        // Citrus posts it to the simulated agency; the answer is a signed receipt repeating our three references
        runner.$(http().client(client).send().post("/exchange/v1/as4")
                .message(new HttpMessage(sealed.packet().body())).contentType(sealed.packet().contentType()));
        String signal = "/S12:Envelope/S12:Header/eb:Messaging/eb:SignalMessage";
        java.util.concurrent.atomic.AtomicReference<String> answer = new java.util.concurrent.atomic.AtomicReference<>();
        runner.$(http().client(client).receive().response(HttpStatus.OK)
                .message().timeout(30_000)
                .extract((message, context) -> answer.set(message.getPayload(String.class))));
        Document receipt = SecureXml.parse(answer.get().getBytes(StandardCharsets.UTF_8));
        assertXpath(receipt, "string(" + signal + "/eb:MessageInfo/eb:RefToMessageId)", messageId);
        assertXpath(receipt, "string(count(" + signal
                + "/eb:Receipt/ebbp:NonRepudiationInformation/ebbp:MessagePartNRInformation/ds:Reference))", "3");
        assertXpath(receipt, "string(count(/S12:Envelope/S12:Header/wsse:Security/ds:Signature))", "1");
        assertXpath(receipt, "string(count(" + signal + "/eb:Error))", "0");
        assertXpath(receipt, "string(/S12:Envelope/S12:Header/wsse:Security/ds:Signature/ds:SignedInfo/ds:SignatureMethod/@Algorithm)",
                As4CryptoVariant.AS4_2_EDDSA.signatureAlgorithm());
        assertThat(gatewaySide.check(profile, new As4Packet("application/soap+xml", answer.get().getBytes(StandardCharsets.UTF_8)),
                sealed)).isInstanceOf(As4Signal.Receipt.class);
        assertThat(agency.distinctMessages()).isEqualTo(1);
    }

    private static void assertXpath(Document doc, String expression, String expected) throws Exception {
        var xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
            public String getNamespaceURI(String prefix) {
                return NS.get(prefix);
            }

            public String getPrefix(String uri) {
                return null;
            }

            public java.util.Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        assertThat((String) xpath.evaluate(expression, doc, XPathConstants.STRING)).as(expression).isEqualTo(expected);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
