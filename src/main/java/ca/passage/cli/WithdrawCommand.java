package ca.passage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

@Command(name = "withdraw", mixinStandardHelpOptions = true,
        description = {"Withdraw a Canadian notice: every partner that received it gets a signed withdrawal, every "
                + "delivery not yet sent is cancelled (see docs/lifecycle.md).",
                "Exit 0 accepted, 1 not possible for this notice (already withdrawn, superseded, nothing sent), "
                        + "2 bad input or unknown notice."})
public final class WithdrawCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the notice id")
    String noticeId;

    @Option(names = "--reason", required = true,
            description = "PERSON_LOCATED, WARRANT_WITHDRAWN, INACCURATE, SHARED_IN_ERROR, RETENTION_ENDED or OTHER")
    String reason;

    @picocli.CommandLine.Mixin
    GatewayConnection gateway;

    @Override
    public Integer call() {
        String json = "{\"reason\":\"" + LifecycleExit.escape(reason) + "\"}";
        return LifecycleExit.of(new GatewayClient(gateway).post("/api/v1/notices/" + noticeId + "/withdrawal",
                "application/json", json.getBytes(StandardCharsets.UTF_8)));
    }
}
