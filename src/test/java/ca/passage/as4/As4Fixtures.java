package ca.passage.as4;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The agreement and messages the AS4 tests exchange. */
final class As4Fixtures {
    static final String SERVICE = "urn:passage:services:case-notice";
    static final String SERVICE_TYPE = "passage";
    static final String ACTION = "DeliverNotice";
    static final String AGREEMENT = "CA-EU-OPAG-2016";
    static final String PARTY_TYPE = "urn:oasis:names:tc:ebcore:partyid-type:unregistered";
    static final String INITIATOR_ROLE = "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/initiator";
    static final String RESPONDER_ROLE = "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/responder";

    private As4Fixtures() {
    }

    static As4Agreement agreement(As4CryptoVariant variant) {
        return new As4Agreement("passage-eu-" + variant.profileName(),
                new As4Party("ca-passage", PARTY_TYPE, INITIATOR_ROLE),
                new As4Party("eu-agency", PARTY_TYPE, RESPONDER_ROLE),
                SERVICE, SERVICE_TYPE, ACTION, AGREEMENT, variant);
    }

    static byte[] notice() {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<notice xmlns=\"urn:test\"><id>CA-2026-000101</id>"
                + "<text>" + "repeated text compresses well ".repeat(40) + "</text></notice>")
                .getBytes(StandardCharsets.UTF_8);
    }

    static As4UserMessage message(As4Agreement agreement) {
        return As4UserMessage.of(agreement, As4Codec.newMessageId(), Instant.now(), "conv-CA-2026-000101",
                Map.of("originalSender", "ca-passage", "finalRecipient", "eu-agency"),
                List.of(new As4Payload("notice@passage", "application/xml", notice(), Map.of("CharacterSet", "UTF-8"))));
    }
}
