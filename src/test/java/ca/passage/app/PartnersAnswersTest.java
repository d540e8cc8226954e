package ca.passage.app;

import ca.passage.channel.DeliveryException;
import ca.passage.notice.CaseNotice;
import ca.passage.notice.NoticeMappers;
import ca.passage.outbound.DeliveryEngine;
import ca.passage.outbound.OutboundMessage;
import ca.passage.partner.PartnerProfile;
import ca.passage.store.Direction;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.testing.RunningGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a partner answers to our delivery goes to the message archive only once it verified: an answer that is not
 * the partner's signed receipt for this message is a failed attempt, kept as its reason, never as evidence.
 */
@Tag("process")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnersAnswersTest {

    private RunningGateway running;
    private DeliveryEngine engine;

    @BeforeAll
    void start() throws Exception {
        running = RunningGateway.start();
        engine = running.gateway.camelContext().getRegistry().lookupByNameAndType("deliveryEngine", DeliveryEngine.class);
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void anAnswerThatIsNotTheSignedReceiptFailsTheAttemptAndIsNeverArchived() throws Exception {
        PartnerProfile partner = running.gateway.partners().get("us-hsi");
        String messageId = UUID.randomUUID() + "@passage.gc.ca";
        Instant now = Instant.now();
        ExchangeRecord sending = new ExchangeRecord("X-" + UUID.randomUUID(), "CA-ANSWER-1", partner.id(), Direction.OUT,
                ExchangeState.SENDING, messageId, "CA-ANSWER-1", 1, null, null, null, now, now, null, null);
        CaseNotice notice = NoticeMappers.xml().readValue(
                Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml")), CaseNotice.class);
        byte[] forged = "<env:Envelope xmlns:env=\"urn:ca:passage:envelope:1\"><receipt>RECEIVED</receipt></env:Envelope>"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> engine.acceptReceipt(OutboundMessage.notice(sending, partner, notice)
                .withSealed("<sealed/>".getBytes(StandardCharsets.UTF_8), "00").withAnswer(forged)))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("invalid receipt");
        assertThat(archivedAnswers(messageId)).as("an answer that did not verify is not archived").isZero();
    }

    private int archivedAnswers(String messageId) throws Exception {
        try (Connection c = running.gateway.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT COUNT(*) FROM message_archive WHERE message_id = ? AND direction = 'RECEIVED'")) {
            ps.setString(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
