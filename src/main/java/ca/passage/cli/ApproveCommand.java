package ca.passage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "A supervisor's decision on a notice held for approval (minor victim, victim identity).")
public final class ApproveCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "notice id")
    String noticeId;


    @Option(names = "--reject", description = "reject instead: the notice's exchanges close CANCELLED")
    boolean reject;

    @picocli.CommandLine.Mixin
    GatewayConnection gateway;

    @Override
    public Integer call() {
        // The approving supervisor is whoever the credential proves (never the submitter: the gateway checks).
        String body = "{\"decision\":\"" + (reject ? "REJECT" : "APPROVE") + "\"}";
        GatewayClient.Answer a = new GatewayClient(gateway).post("/api/v1/notices/" + noticeId + "/approval",
                "application/json", body.getBytes(StandardCharsets.UTF_8));
        System.out.println(a.body());
        return a.status() == 200 ? 0 : a.status() / 100 == 4 ? 2 : 1;
    }
}
