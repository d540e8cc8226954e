package ca.passage.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

@Command(name = "respond", mixinStandardHelpOptions = true,
        description = "The domestic side's business response to a partner's notice: accepted, or rejected with a code.")
public final class RespondCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the inbound notice id (IN-<partner>-...)")
    String noticeId;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Decision decision;

    static final class Decision {
        @Option(names = "--accept", description = "accept the notice")
        boolean accept;

        @Option(names = "--reject", paramLabel = "CODE", description = "reject it with this error code")
        String rejectCode;
    }

    @Option(names = "--text", description = "a short description for the partner (no personal data)")
    String text;

    @picocli.CommandLine.Mixin
    GatewayConnection gateway;

    
    @Override
    public Integer call() {
        StringBuilder json = new StringBuilder("{\"decision\":\"").append(decision.accept ? "ACCEPTED" : "REJECTED").append('"');
        if (decision.rejectCode != null) {
            json.append(",\"errorCode\":\"").append(escape(decision.rejectCode)).append('"');
        }
        if (text != null) {
            json.append(",\"description\":\"").append(escape(text)).append('"');
        }
        json.append('}');
        GatewayClient.Answer a = new GatewayClient(gateway).post("/api/v1/notices/" + noticeId + "/response",
                "application/json", json.toString().getBytes(StandardCharsets.UTF_8));
        System.out.println(a.body());
        return a.status() / 100 == 2 ? 0 : a.status() / 100 == 4 ? 2 : 1;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
