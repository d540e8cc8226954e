package ca.passage.app;

import ca.passage.store.Database;
import ca.passage.store.ExchangeState;
import ca.passage.devtools.sim.SimBehaviour;
import ca.passage.testing.Await;
import ca.passage.testing.RunningGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the gateway while a delivery is on the wire lets that delivery finish (receipt verified, exchange
 * ACKNOWLEDGED) before the broker and store close, instead of cutting it off half-way.
 */
@Tag("process")
class GracefulShutdownTest {

    @Test
    void aDeliveryInFlightAtShutdownIsDrainedToItsReceipt() throws Exception {
        RunningGateway running = RunningGateway.builder()
                .behaviour("eu-agency", inbound -> SimBehaviour.wellBehaved().stallingFirst(1, Duration.ofSeconds(2)))
                .start();
        Path data = running.dir.resolve("data");
        try {
            String xml = Files.readString(Path.of("samples/notices/05-green-online-recruiter-warning.xml"));
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(running.baseUrl() + "/api/v1/notices")).header("Content-Type", "application/xml")
                    .POST(HttpRequest.BodyPublishers.ofString(xml)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(202);
            Await.until(Duration.ofSeconds(30), () -> running.gateway.store().exchangesOf("CA-2026-000105").stream()
                    .anyMatch(e -> e.partnerId().equals("eu-agency") && e.state() == ExchangeState.SENDING));
            running.gateway.close(); // while the EU agency still holds the delivery
            try (Database db = Database.open(Database.h2Url(data), "sa", "");
                 Connection c = db.dataSource().getConnection();
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT state, attempts FROM exchange WHERE notice_id = 'CA-2026-000105' "
                         + "AND partner_id = 'eu-agency'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("state")).isEqualTo("ACKNOWLEDGED");
                assertThat(rs.getInt("attempts")).isEqualTo(1);
            }
        } finally {
            running.close();
        }
    }
}
