package ca.passage.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./passage}: the gateway and its tools. */
@Command(name = "passage", mixinStandardHelpOptions = true, version = "Passage 0.1",
        description = "Cross-border case notice exchange gateway.",
        subcommands = {RunCommand.class, DemoCommand.class, SendCommand.class, StatusCommand.class, ApproveCommand.class, RespondCommand.class, ForwardCommand.class,
                WithdrawCommand.class, UpdateCommand.class, DeleteRequestCommand.class,
                PartnersCommand.class, ExchangesCommand.class, PartnerSimCommand.class, KeysCommand.class, AuditCommand.class, BenchCommand.class, BrokerCommand.class,
                ReportCommand.class,
                CommandLine.HelpCommand.class})
public final class PassageCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new PassageCommand());
        // Bad usage (unknown option, missing parameter) is exit 2 as DESIGN.md says; anything else failing is 1.
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("passage: " + e.getMessage());
            return e instanceof IllegalArgumentException || e instanceof ca.passage.partner.PartnerProfileException
                    || e instanceof ca.passage.crypto.CryptoConfigException ? 2 : 1;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
