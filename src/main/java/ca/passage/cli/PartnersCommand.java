package ca.passage.cli;

import ca.passage.crypto.CryptoConfig;
import ca.passage.crypto.TrustStore;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PartnerRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "partners", mixinStandardHelpOptions = true, description = "List or check the partner profiles.",
        subcommands = {PartnersCommand.ListPartners.class, PartnersCommand.Check.class, PartnersCommand.Suspend.class,
                PartnersCommand.Resume.class})
public final class PartnersCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per partner.")
    static final class ListPartners implements Callable<Integer> {
        @Mixin
        ConfigOptions config;

        @Override
        public Integer call() {
            PartnerRegistry partners = Partners.registry(config.dirs.profiles, config.dirs.cryptoConfig);
            System.out.printf("%-14s %-3s %-16s %-11s %-8s %s%n", "ID", "CC", "FORMAT", "CRYPTO", "ENABLED", "ENDPOINT");
            for (PartnerProfile p : partners.all()) {
                System.out.printf("%-14s %-3s %-16s %-11s %-8s %s%n", p.id(), p.country(), p.format(),
                        p.cryptoProfile(), p.enabled(), p.channel().endpoint());
            }
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate every profile and its pinned certificate; exit 2 naming the file and field on error.")
    static final class Check implements Callable<Integer> {
        @Mixin
        ConfigOptions config;

        @Override
        public Integer call() {
            PartnerRegistry partners = Partners.registry(config.dirs.profiles, config.dirs.cryptoConfig);
            new TrustStore(config.dirs.keys, CryptoConfig.load(config.dirs.cryptoConfig), partners.all());
            System.out.println(partners.all().size() + " partner profile(s) valid, certificates found in " + config.dirs.keys);
            return 0;
        }
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true,
            description = "Kill-switch: nothing more goes to the partner (its queue holds) and its messages are refused.")
    static final class Suspend implements Callable<Integer> {
        @picocli.CommandLine.Parameters(index = "0", description = "partner id")
        String partnerId;
        @picocli.CommandLine.Mixin
        GatewayConnection gateway;
        
        @Override
        public Integer call() {
            return ExchangesCommand.post(gateway, "/api/v1/partners/" + partnerId + "/suspend");
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Lift a partner's suspension; its queue drains.")
    static final class Resume implements Callable<Integer> {
        @picocli.CommandLine.Parameters(index = "0", description = "partner id")
        String partnerId;
        @picocli.CommandLine.Mixin
        GatewayConnection gateway;
        
        @Override
        public Integer call() {
            return ExchangesCommand.post(gateway, "/api/v1/partners/" + partnerId + "/resume");
        }
    }
}
