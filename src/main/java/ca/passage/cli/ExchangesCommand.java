package ca.passage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "exchanges", mixinStandardHelpOptions = true, description = "Operator actions on one exchange.",
        subcommands = {ExchangesCommand.Resend.class, ExchangesCommand.Cancel.class})
public final class ExchangesCommand {

    static int post(GatewayConnection gateway, String path) {
        GatewayClient.Answer a = new GatewayClient(gateway).post(path, "application/json", new byte[0]);
        System.out.println(a.body());
        return a.status() / 100 == 2 ? 0 : a.status() / 100 == 4 ? 2 : 1;
    }

    @Command(name = "resend", mixinStandardHelpOptions = true, description = "Send a FAILED exchange again (same message id).")
    static final class Resend implements Callable<Integer> {
        @Parameters(index = "0", description = "exchange id")
        String exchangeId;
        @picocli.CommandLine.Mixin
        GatewayConnection gateway;
        
        @Override
        public Integer call() {
            return post(gateway, "/api/v1/exchanges/" + exchangeId + "/resend");
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel an exchange not yet sent.")
    static final class Cancel implements Callable<Integer> {
        @Parameters(index = "0", description = "exchange id")
        String exchangeId;
        @picocli.CommandLine.Mixin
        GatewayConnection gateway;
        
        @Override
        public Integer call() {
            return post(gateway, "/api/v1/exchanges/" + exchangeId + "/cancel");
        }
    }
}
