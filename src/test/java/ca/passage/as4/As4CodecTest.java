package ca.passage.as4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The codec against itself: seal, open, receipt, receipt check, and what each refuses. */
class As4CodecTest {
    @TempDir
    static Path dir;
    static As4TestKeys keys;
    final As4Codec codec = new As4Codec(Clock.systemUTC(), 10_000_000);

    @BeforeAll
    static void keys() {
        keys = new As4TestKeys(dir);
    }

    private As4Keys passage(As4CryptoVariant v) {
        return keys.keys(keys.gateway(v), keys.foreign(v));
    }

    private As4Keys foreign(As4CryptoVariant v) {
        return keys.keys(keys.foreign(v), keys.gateway(v));
    }

    @ParameterizedTest
    @EnumSource(As4CryptoVariant.class)
    void sealedMessageOpensAndItsSignedReceiptMatchesTheDigestsSent(As4CryptoVariant v) {
        As4Agreement agreement = As4Fixtures.agreement(v);
        As4UserMessage message = As4Fixtures.message(agreement);
        SealedUserMessage sealed = codec.seal(message, passage(v), v);

        assertThat(sealed.packet().contentType()).startsWith("multipart/related");
        assertThat(new String(sealed.packet().body(), StandardCharsets.ISO_8859_1)).doesNotContain("CA-2026-000101</id>");
        assertThat(sealed.signedReferences()).hasSize(3);
        String wire = new String(sealed.packet().body(), StandardCharsets.ISO_8859_1);
        assertThat(wire).contains(v.signatureAlgorithm(), v.keyEncryption(), As4CryptoVariant.AES128_GCM);
        if (v == As4CryptoVariant.AS4_2_EDDSA) {
            assertThat(wire).contains("xmldsig-more#x25519", "xmldsig-more#hkdf");
        }

        ReceivedUserMessage received = codec.open(sealed.packet(), m -> new As4Inbound(agreement, foreign(v)));
        assertThat(received.message().messageId()).isEqualTo(message.messageId());
        assertThat(received.message().payloads()).singleElement().satisfies(p -> {
            assertThat(p.content()).isEqualTo(As4Fixtures.notice());
            assertThat(p.mimeType()).isEqualTo("application/xml");
            assertThat(p.properties()).containsEntry("CharacterSet", "UTF-8");
        });
        assertThat(received.message().messageProperties()).containsEntry("finalRecipient", "eu-agency");

        As4Packet receipt = codec.receipt(received, foreign(v), v);
        As4Signal signal = codec.readSignal(receipt, sealed, passage(v), v);
        assertThat(signal).isInstanceOf(As4Signal.Receipt.class);
        assertThat(signal.refToMessageId()).isEqualTo(message.messageId());
    }

    @ParameterizedTest
    @EnumSource(As4CryptoVariant.class)
    void receiptWhoseNonRepudiationDigestsDifferIsInvalid(As4CryptoVariant v) {
        As4Agreement agreement = As4Fixtures.agreement(v);
        SealedUserMessage sealed = codec.seal(As4Fixtures.message(agreement), passage(v), v);
        ReceivedUserMessage received = codec.open(sealed.packet(), m -> new As4Inbound(agreement, foreign(v)));
        List<As4Reference> altered = new ArrayList<>(received.signedReferences());
        As4Reference first = altered.get(0);
        altered.set(0, new As4Reference(first.uri(), first.transforms(), first.digestAlgorithm(), "AAAA" + first.digestValue().substring(4)));
        ReceivedUserMessage lying = new ReceivedUserMessage(received.message(), altered, received.signer());

        assertThatThrownBy(() -> codec.readSignal(codec.receipt(lying, foreign(v), v), sealed, passage(v), v))
                .isInstanceOfSatisfying(As4Exception.class, e -> assertThat(e.code()).isEqualTo(EbmsErrorCode.INVALID_RECEIPT))
                .hasMessageContaining("NonRepudiationInformation");
    }

    @ParameterizedTest
    @EnumSource(As4CryptoVariant.class)
    void tamperedAttachmentIsRefused(As4CryptoVariant v) {
        As4Agreement agreement = As4Fixtures.agreement(v);
        SealedUserMessage sealed = codec.seal(As4Fixtures.message(agreement), passage(v), v);
        byte[] body = sealed.packet().body().clone();
        int at = body.length - 60; // inside the encrypted attachment, before the closing boundary
        body[at] ^= 0x01;
        As4Packet tampered = new As4Packet(sealed.packet().contentType(), body);

        assertThatThrownBy(() -> codec.open(tampered, m -> new As4Inbound(agreement, foreign(v))))
                .isInstanceOfSatisfying(As4Exception.class, e -> {
                    assertThat(e.code()).isIn(EbmsErrorCode.FAILED_DECRYPTION, EbmsErrorCode.FAILED_AUTHENTICATION);
                    assertThat(e.refToMessageId()).isEqualTo(sealed.messageId());
                });
    }

    @ParameterizedTest
    @EnumSource(As4CryptoVariant.class)
    void messageSignedByAnotherTrustedKeyIsRefusedAsNotThePinnedPartner(As4CryptoVariant v) {
        As4Agreement agreement = As4Fixtures.agreement(v);
        // the gateway signs, but the receiver pins the foreign side's certificate as the sender
        SealedUserMessage sealed = codec.seal(As4Fixtures.message(agreement), passage(v), v);
        As4Keys pinnedOther = keys.keys(keys.foreign(v), keys.foreign(v));

        assertThatThrownBy(() -> codec.open(sealed.packet(), m -> new As4Inbound(agreement, pinnedOther)))
                .isInstanceOfSatisfying(As4Exception.class, e -> assertThat(e.code()).isIn(
                        EbmsErrorCode.FAILED_AUTHENTICATION, EbmsErrorCode.FAILED_DECRYPTION));
    }

    @ParameterizedTest
    @EnumSource(As4CryptoVariant.class)
    void messageUnderAnotherAgreementIsAProcessingModeMismatch(As4CryptoVariant v) {
        As4Agreement agreement = As4Fixtures.agreement(v);
        SealedUserMessage sealed = codec.seal(As4Fixtures.message(agreement), passage(v), v);
        As4Agreement other = new As4Agreement(null, agreement.initiator(), agreement.responder(), agreement.service(),
                null, "OtherAction", agreement.agreementRef(), v);

        assertThatThrownBy(() -> codec.open(sealed.packet(), m -> new As4Inbound(other, foreign(v))))
                .isInstanceOfSatisfying(As4Exception.class,
                        e -> assertThat(e.code()).isEqualTo(EbmsErrorCode.PROCESSING_MODE_MISMATCH));
    }

    @ParameterizedTest
    @EnumSource(As4CryptoVariant.class)
    void errorSignalIsReadWithItsCode(As4CryptoVariant v) {
        As4Agreement agreement = As4Fixtures.agreement(v);
        SealedUserMessage sealed = codec.seal(As4Fixtures.message(agreement), passage(v), v);
        As4Packet error = codec.error(new As4Exception(EbmsErrorCode.FAILED_DECRYPTION, "no key", sealed.messageId(), null));

        As4Signal signal = codec.readSignal(error, sealed, passage(v), v);
        assertThat(signal).isInstanceOfSatisfying(As4Signal.Error.class, e -> {
            assertThat(e.code()).isEqualTo(EbmsErrorCode.FAILED_DECRYPTION);
            assertThat(e.refToMessageId()).isEqualTo(sealed.messageId());
        });
    }
}
