package ca.passage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show a notice with its exchanges, or the latest exchanges (filter by partner and state).")
public final class StatusCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", description = "notice id; omit to list exchanges")
    String noticeId;

    @Option(names = "--partner", description = "only this partner")
    String partner;

    @Option(names = "--state", description = "only this state (e.g. FAILED)")
    String state;

    @Option(names = "--overdue", description = "only exchanges waiting past their receipt timeout, and failed ones")
    boolean overdue;

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "gateway; default: ${DEFAULT-VALUE}")
    String url;

    @Override
    public Integer call() {
        GatewayClient client = new GatewayClient(url);
        GatewayClient.Answer a;
        if (noticeId != null) {
            a = client.get("/api/v1/notices/" + noticeId);
        } else if (overdue) {
            GatewayClient.Answer late = client.get("/api/v1/exchanges?state=ACK_OVERDUE&limit=1000");
            GatewayClient.Answer failed = client.get("/api/v1/exchanges?state=FAILED&limit=1000");
            System.out.println("{\"ackOverdue\":" + late.body() + ",\"failed\":" + failed.body() + "}");
            return late.status() == 200 && failed.status() == 200 ? 0 : 1;
        } else {
            StringBuilder q = new StringBuilder("/api/v1/exchanges?limit=100");
            if (partner != null) {
                q.append("&partner=").append(partner);
            }
            if (state != null) {
                q.append("&state=").append(state);
            }
            a = client.get(q.toString());
        }
        System.out.println(a.body());
        return a.status() == 200 ? 0 : a.status() / 100 == 4 ? 2 : 1;
    }
}
