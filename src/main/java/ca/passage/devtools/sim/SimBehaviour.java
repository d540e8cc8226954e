package ca.passage.devtools.sim;

import java.net.URI;
import java.time.Duration;

/**
 * How a simulated partner misbehaves, for the demo and the reliability tests. The default is a well-behaved
 * partner that answers each message with a synchronous signed receipt.
 *
 * @param failFirst         answer HTTP 500 to the first N deliveries
 * @param stallFirst        hold the first N deliveries for {@code stall} before answering (a client time-out)
 * @param dropReceiptsFirst answer the first N deliveries with 200 and no receipt
 * @param asyncReceiptsTo   when set, answer 202 and post the signed receipt later to this gateway inbound URL
 */
public record SimBehaviour(int failFirst, int stallFirst, Duration stall, int dropReceiptsFirst, URI asyncReceiptsTo) {

    public static SimBehaviour wellBehaved() {
        return new SimBehaviour(0, 0, Duration.ZERO, 0, null);
    }

    public SimBehaviour failingFirst(int n) {
        return new SimBehaviour(n, stallFirst, stall, dropReceiptsFirst, asyncReceiptsTo);
    }

    public SimBehaviour stallingFirst(int n, Duration d) {
        return new SimBehaviour(failFirst, n, d, dropReceiptsFirst, asyncReceiptsTo);
    }

    public SimBehaviour droppingReceiptsFirst(int n) {
        return new SimBehaviour(failFirst, stallFirst, stall, n, asyncReceiptsTo);
    }

    public SimBehaviour asyncReceiptsTo(URI gatewayInbound) {
        return new SimBehaviour(failFirst, stallFirst, stall, dropReceiptsFirst, gatewayInbound);
    }
}
