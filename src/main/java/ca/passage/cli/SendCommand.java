package ca.passage.cli;

import ca.passage.notice.CaseNotice;
import ca.passage.notice.NoticeMappers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Submit a notice file (XML or JSON) to a running gateway. Exit 0 accepted, 2 refused, 1 other failure.")
public final class SendCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the notice file (.xml or .json)")
    Path file;

    @Option(names = "--to", split = ",", description = "partner ids; replace the notice's recipients")
    List<String> to;

    @picocli.CommandLine.Mixin
    GatewayConnection gateway;

    
    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            System.err.println("passage send: no such file " + file);
            return 2;
        }
        boolean json = file.toString().toLowerCase().endsWith(".json");
        byte[] body = Files.readAllBytes(file);
        if (to != null && !to.isEmpty()) {
            body = withRecipients(body, json, to);
        }
        GatewayClient.Answer answer = new GatewayClient(gateway).post("/api/v1/notices",
                json ? "application/json" : "application/xml", body);
        System.out.println(answer.body());
        if (answer.status() == 202) {
            return 0;
        }
        return answer.status() / 100 == 4 ? 2 : 1;
    }

    private static byte[] withRecipients(byte[] body, boolean json, List<String> recipients) throws IOException {
        var mapper = json ? NoticeMappers.json() : NoticeMappers.xml();
        CaseNotice n = mapper.readValue(body, CaseNotice.class);
        CaseNotice changed = new CaseNotice(n.schemaVersion(), n.noticeId(), n.nationalFileNumber(), n.version(),
                n.supersedes(), n.originatingAgency(), n.requestedAction(), n.priority(), n.legalBasis(), n.handling(),
                n.grading(), n.dates(), n.language(), n.summary(), n.offence(), n.events(), n.persons(), n.assets(),
                recipients);
        return mapper.writeValueAsBytes(changed);
    }
}
