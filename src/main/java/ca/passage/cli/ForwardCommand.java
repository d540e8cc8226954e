package ca.passage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "forward", mixinStandardHelpOptions = true,
        description = "Forward a partner's notice to other partners, where its handling code and agreement allow (H2 never).")
public final class ForwardCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the inbound notice id (IN-<partner>-...)")
    String noticeId;

    @Option(names = "--to", split = ",", required = true, description = "partner ids")
    List<String> to;

    @picocli.CommandLine.Mixin
    GatewayConnection gateway;

    
    @Override
    public Integer call() {
        String json = "{\"to\":[" + to.stream().map(p -> "\"" + p.replace("\"", "") + "\"").collect(Collectors.joining(",")) + "]}";
        GatewayClient.Answer a = new GatewayClient(gateway).post("/api/v1/notices/" + noticeId + "/forward",
                "application/json", json.getBytes(StandardCharsets.UTF_8));
        System.out.println(a.body());
        return a.status() / 100 == 2 ? 0 : a.status() / 100 == 4 ? 2 : 1;
    }
}
