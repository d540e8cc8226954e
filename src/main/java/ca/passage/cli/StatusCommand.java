package ca.passage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show a notice with its exchanges, or the latest exchanges (filter by partner and state).")
public final class StatusCommand implements Callable<Integer> {

    private static final String ROW = "%-40s %-14s %-4s %-18s %-16s %8s  %s%n";

    @Parameters(index = "0", arity = "0..1", description = "notice id; omit to list exchanges")
    String noticeId;

    @Option(names = "--partner", description = "only this partner")
    String partner;

    @Option(names = "--state", description = "only this state (e.g. FAILED)")
    String state;

    @Option(names = "--overdue", description = "only exchanges waiting past their receipt timeout, and failed ones")
    boolean overdue;

    @Option(names = "--json", description = "print the gateway's JSON instead of a table")
    boolean json;

    @picocli.CommandLine.Mixin
    GatewayConnection gateway;

    @Override
    public Integer call() throws IOException {
        GatewayClient client = new GatewayClient(gateway);
        if (overdue) {
            GatewayClient.Answer late = client.get("/api/v1/exchanges?state=ACK_OVERDUE&limit=1000");
            GatewayClient.Answer failed = client.get("/api/v1/exchanges?state=FAILED&limit=1000");
            if (json) {
                System.out.println("{\"ackOverdue\":" + late.body() + ",\"failed\":" + failed.body() + "}");
            } else {
                header(System.out);
                rows(System.out, parse(late.body()));
                rows(System.out, parse(failed.body()));
            }
            return late.status() == 200 && failed.status() == 200 ? 0 : 1;
        }
        GatewayClient.Answer a = noticeId != null ? client.get("/api/v1/notices/" + noticeId) : client.get(listQuery());
        if (json || a.status() != 200) {
            System.out.println(a.body());
        } else if (noticeId != null) {
            JsonNode n = parse(a.body());
            System.out.printf("notice %s (file %s, v%s) %s %s, handling %s, approval %s, received %s%n",
                    n.path("noticeId").asText(), n.path("nationalFileNumber").asText(), n.path("version").asText(),
                    n.path("requestedAction").asText(), n.path("priority").asText(), n.path("handlingCode").asText(),
                    n.path("approvalState").asText(), n.path("receivedAt").asText());
            lifecycle(System.out, n.path("lifecycle"));
            header(System.out);
            rows(System.out, n.path("exchanges"));
        } else {
            header(System.out);
            rows(System.out, parse(a.body()));
        }
        return a.status() == 200 ? 0 : a.status() / 100 == 4 ? 2 : 1;
    }

    private String listQuery() {
        StringBuilder q = new StringBuilder("/api/v1/exchanges?limit=100");
        if (partner != null) {
            q.append("&partner=").append(partner);
        }
        if (state != null) {
            q.append("&state=").append(state);
        }
        return q.toString();
    }

    private static JsonNode parse(String body) throws IOException {
        return new JsonMapper().readTree(body);
    }

    private static void header(PrintStream out) {
        out.printf(ROW, "EXCHANGE", "PARTNER", "DIR", "KIND", "STATE", "ATTEMPTS", "LAST ERROR");
    }

    /** Superseded by / supersedes / withdrawn / deletion or correction requested, when the notice has a lifecycle. */
    private static void lifecycle(PrintStream out, JsonNode l) {
        if (text(l, "supersedes") != null) {
            out.printf("supersedes %s%n", text(l, "supersedes"));
        }
        if (text(l, "supersededBy") != null) {
            out.printf("superseded by %s%n", text(l, "supersededBy"));
        }
        if (text(l, "state") != null && !"SUPERSEDED".equals(text(l, "state"))) {
            out.printf("%s (%s) at %s%n", text(l, "state"), text(l, "reason"), text(l, "at"));
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static void rows(PrintStream out, JsonNode exchanges) {
        for (JsonNode e : exchanges) {
            out.printf(ROW, e.path("exchangeId").asText(), e.path("partnerId").asText(), e.path("direction").asText(),
                    e.path("kind").asText("NOTICE"), e.path("state").asText(), e.path("attempts").asText(),
                    e.path("lastError").isNull() ? "" : e.path("lastError").asText());
        }
    }
}
