package ca.passage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"Send an updated version of a Canadian notice: FILE is the whole new notice (XML or JSON) with "
                + "its own notice id, a higher version and supersedes naming NOTICE. Partners that received NOTICE "
                + "get it as an update referring to it; NOTICE's deliveries not yet sent are cancelled.",
                "Exit 0 accepted, 1 not possible for this notice (withdrawn, superseded), 2 bad input or unknown notice."})
public final class UpdateCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the notice id this version supersedes")
    String noticeId;

    @Parameters(index = "1", description = "the updated notice file (.xml or .json)")
    Path file;

    @picocli.CommandLine.Mixin
    GatewayConnection gateway;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            System.err.println("passage update: no such file " + file);
            return 2;
        }
        boolean json = file.toString().toLowerCase(Locale.ROOT).endsWith(".json");
        return LifecycleExit.of(new GatewayClient(gateway).post("/api/v1/notices/" + noticeId + "/update",
                json ? "application/json" : "application/xml", Files.readAllBytes(file)));
    }
}
