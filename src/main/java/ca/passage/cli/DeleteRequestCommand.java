package ca.passage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "delete-request", mixinStandardHelpOptions = true,
        description = {"Ask the partners that received a Canadian notice to delete (or, with --correct, correct) "
                + "what they received: one signed request per partner (see docs/lifecycle.md).",
                "Exit 0 accepted, 1 not possible for this notice (nothing sent), 2 bad input or unknown notice."})
public final class DeleteRequestCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the notice id")
    String noticeId;

    @Option(names = "--reason", required = true,
            description = "INACCURATE, SHARED_IN_ERROR, RETENTION_ENDED, PERSON_LOCATED, WARRANT_WITHDRAWN or OTHER")
    String reason;

    @Option(names = "--correct", description = "ask for a correction (the corrected version follows with update) instead of deletion")
    boolean correct;

    @Option(names = "--to", split = ",", description = "only these partners (default: every partner that received it)")
    List<String> to;

    @picocli.CommandLine.Mixin
    GatewayConnection gateway;

    @Override
    public Integer call() {
        StringBuilder json = new StringBuilder("{\"scope\":\"").append(correct ? "CORRECT" : "DELETE")
                .append("\",\"reason\":\"").append(LifecycleExit.escape(reason)).append('"');
        if (to != null && !to.isEmpty()) {
            json.append(",\"partners\":[").append(to.stream().map(p -> "\"" + LifecycleExit.escape(p) + "\"")
                    .collect(Collectors.joining(","))).append(']');
        }
        json.append('}');
        return LifecycleExit.of(new GatewayClient(gateway).post("/api/v1/notices/" + noticeId + "/deletion-request",
                "application/json", json.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
