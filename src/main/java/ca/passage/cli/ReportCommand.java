package ca.passage.cli;

import ca.passage.crypto.CryptoConfig;
import ca.passage.store.Database;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PartnerRegistry;
import ca.passage.partner.PartnerProfileLoader;
import ca.passage.report.StatisticsFormat;
import ca.passage.report.StatisticsReport;
import ca.passage.report.StatisticsSource;
import ca.passage.translate.Translators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code ./passage report ...}: reports for the public. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Reports for the public.",
        subcommands = ReportCommand.Statistics.class)
public final class ReportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "statistics", mixinStandardHelpOptions = true,
            description = {"Public statistics on the notices shared in a period: notices by exploitation type, colour,",
                    "partner region and month; persons by role, age band and sex. Counts from 1 to 4 are withheld,",
                    "and further cells so that none can be worked out from the totals. No identifiers."})
    static final class Statistics implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "DATE", description = "first day (YYYY-MM-DD), included")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "DATE", description = "last day (YYYY-MM-DD), included")
        LocalDate to;

        @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|html|json",
                description = "output format; default: ${DEFAULT-VALUE}")
        String format;

        @Option(names = "--output", paramLabel = "FILE", description = "write to FILE instead of standard output")
        Path output;

        @Option(names = "--data", defaultValue = "data", description = "data folder with the embedded H2 store; default: ${DEFAULT-VALUE}")
        Path data;

        @Option(names = "--db-url", description = "JDBC URL (PostgreSQL); overrides --data")
        String dbUrl;

        @Option(names = "--db-user", defaultValue = "sa", description = "database user; default: ${DEFAULT-VALUE}")
        String dbUser;

        @Option(names = "--db-password-env", description = "name of the environment variable holding the database password")
        String dbPasswordEnv;

        @Mixin
        ConfigDirs dirs;

        @Override
        public Integer call() throws IOException {
            StatisticsFormat wanted;
            try {
                wanted = StatisticsFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("report statistics: --format must be csv, html or json, not " + format);
                return 2;
            }
            if (to.isBefore(from)) {
                spec.commandLine().getErr().println("report statistics: --to " + to + " is before --from " + from);
                return 2;
            }
            String url = dbUrl;
            if (url == null) {
                if (!Files.isRegularFile(data.resolve("passage.mv.db"))) {
                    spec.commandLine().getErr().println("report statistics: no Passage database in "
                            + data.toAbsolutePath() + " (use --data DIR or --db-url)");
                    return 2;
                }
                url = Database.h2Url(data);
            }
            String password = dbPasswordEnv == null ? "" : System.getenv(dbPasswordEnv);
            PartnerRegistry partners = new PartnerProfileLoader(Translators.standard().formats(),
                    CryptoConfig.load(dirs.cryptoConfig).profiles().keySet()).loadRegistry(dirs.profiles);
            StatisticsReport report;
            try (Database db = Database.open(url, dbUser, password == null ? "" : password)) {
                report = new StatisticsSource(db.dataSource(), id -> partners.find(id).map(PartnerProfile::country)
                        .orElse(null)).report(from, to, StatisticsSource.DEFAULT_THRESHOLD);
            } catch (RuntimeException e) {
                String m = String.valueOf(e.getMessage());
                spec.commandLine().getErr().println("report statistics failed: " + (m.contains("already in use")
                        ? "the embedded database is open by a running gateway: stop it first, or open the console's "
                        + "statistics page" : m));
                return 1;
            }
            String text = wanted.write(report);
            if (output != null) {
                Files.writeString(output, text, StandardCharsets.UTF_8);
            } else {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }
}
