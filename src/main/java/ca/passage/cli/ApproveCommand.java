package ca.passage.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "approve", mixinStandardHelpOptions = true,
        description = {"A supervisor's decision on a notice held for approval (a minor, victim identity, free text "
                + "the screener holds), partner by partner.",
                "--preview shows each partner's payload exactly as it would be signed, its digest, and what was "
                        + "removed and why, without deciding."})
public final class ApproveCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "notice id")
    String noticeId;

    @Option(names = "--reject", description = "reject instead: the exchanges decided on close CANCELLED")
    boolean reject;

    @Option(names = "--partner", split = ",", paramLabel = "PARTNER",
            description = "decide for these partners only (repeatable or comma-separated; default: every held exchange)")
    List<String> partners = List.of();

    @Option(names = "--reason", description = "why (kept with a rejected exchange)")
    String reason;

    @Option(names = "--preview", description = "print the per-partner preview (GET .../preview) and decide nothing")
    boolean preview;

    @picocli.CommandLine.Mixin
    GatewayConnection gateway;

    @Override
    public Integer call() throws Exception {
        GatewayClient client = new GatewayClient(gateway);
        GatewayClient.Answer a;
        if (preview) {
            a = client.get("/api/v1/notices/" + noticeId + "/preview");
        } else {
            // The approving supervisor is whoever the credential proves (never the submitter: the gateway checks).
            JsonMapper json = new JsonMapper();
            ObjectNode body = json.createObjectNode().put("decision", reject ? "REJECT" : "APPROVE");
            if (!partners.isEmpty()) {
                partners.forEach(body.putArray("partners")::add);
            }
            if (reason != null) {
                body.put("reason", reason);
            }
            a = client.post("/api/v1/notices/" + noticeId + "/approval", "application/json", json.writeValueAsBytes(body));
        }
        System.out.println(a.body());
        return a.status() == 200 ? 0 : a.status() / 100 == 4 ? 2 : 1;
    }
}
