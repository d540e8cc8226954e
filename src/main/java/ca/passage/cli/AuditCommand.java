package ca.passage.cli;

import ca.passage.ledger.AuditExport;
import ca.passage.ledger.AuditLedger;
import ca.passage.ledger.AuditQuery;
import ca.passage.ledger.AuditSearch;
import ca.passage.ledger.AuditorAccess;
import ca.passage.ledger.AuditorAccess.AccessDeniedException;
import ca.passage.ledger.AuditorSession;
import ca.passage.ledger.Checkpoint;
import ca.passage.ledger.CheckpointExport;
import ca.passage.ledger.CheckpointPolicy;
import ca.passage.ledger.CheckpointSigner;
import ca.passage.store.Database;
import ca.passage.ledger.DisclosureReport;
import ca.passage.ledger.LedgerException;
import ca.passage.ledger.LedgerRecord;
import ca.passage.ledger.LedgerVerifier;
import ca.passage.ledger.VerificationResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code passage audit ...}: the auditors' tools. Exit codes: 0 ok (chain intact), 1 the work failed
 * (broken chain, database failure), 2 bad usage or bad input. Register as a subcommand of the root command.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Verify, search, export and report on the tamper-evident audit ledger (AUDITOR role).",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Search.class, AuditCommand.Export.class,
                AuditCommand.Checkpoints.class, AuditCommand.Report.class})
public class AuditCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    /** Database, keys and auditor identity, shared by every subcommand. */
    public static class Options {
        @Option(names = "--data", paramLabel = "DIR", defaultValue = "./data",
                description = "Data folder of the embedded H2 database (default: ${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "JDBC URL (PostgreSQL); overrides --data.")
        String dbUrl;

        @Option(names = "--db-user", paramLabel = "USER", defaultValue = "sa",
                description = "Database user (default: ${DEFAULT-VALUE}).")
        String dbUser;

        @Option(names = "--db-password-env", paramLabel = "NAME",
                description = "Name of the environment variable holding the database password.")
        String dbPasswordEnv;

        @Option(names = "--keys", paramLabel = "DIR", defaultValue = "./keys",
                description = "Folder with the ledger certificate ledger.cert.pem and the retired ones under previous/ (default: ${DEFAULT-VALUE}).")
        Path keys;

        @Option(names = "--auditor", paramLabel = "ID", defaultValue = "${sys:user.name}",
                description = "Auditor id recorded in the ledger for this query, with the OS user (default: ${DEFAULT-VALUE}).")
        String auditor;

        Database open() {
            String url = dbUrl;
            if (url == null) {
                if (!Files.isRegularFile(data.resolve("passage.mv.db"))) {
                    throw new IllegalArgumentException("no Passage database in " + data.toAbsolutePath()
                            + " (use --data DIR or --db-url)");
                }
                url = Database.h2Url(data);
            }
            String password = "";
            if (dbPasswordEnv != null) {
                password = System.getenv(dbPasswordEnv);
                if (password == null) {
                    throw new IllegalArgumentException("environment variable " + dbPasswordEnv + " is not set");
                }
            }
            return Database.open(url, dbUser, password);
        }

        CheckpointSigner certificate() {
            Path cert = keys.resolve(CheckpointSigner.LEDGER_KEY + ".cert.pem");
            if (!Files.isRegularFile(cert)) {
                throw new IllegalArgumentException("ledger certificate not found: " + cert
                        + " (use --keys DIR)");
            }
            try {
                return CheckpointSigner.fromKeysDir(keys, false);
            } catch (IOException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
    }

    /** Runs {@code body} with an auditor session on the database; maps failures to exit codes. */
    abstract static class Sub implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Options options;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        interface Body {
            int run(AuditorSession session) throws Exception;
        }

        int withSession(Body body) throws Exception {
            CheckpointSigner keys = options.certificate();
            try (Database db = options.open()) {
                // verify-only signer: this process logs the auditor's queries but never signs checkpoints
                AuditLedger ledger = new AuditLedger(db.dataSource(), Clock.systemUTC(), keys,
                        CheckpointPolicy.everyEvents(CheckpointPolicy.DEFAULT.everyEvents()));
                try {
                    AuditorSession session = AuditorAccess.open(AuditorAccess.Principal.auditor(
                            // offline on the database: the named auditor and the OS account that ran the command
                            options.auditor + "@os:" + System.getProperty("user.name")),
                            db.dataSource(), ledger, keys, Clock.systemUTC());
                    return body.run(session);
                } finally {
                    ledger.close();
                }
            }
        }

        @Override
        public final Integer call() {
            try {
                return execute();
            } catch (ParameterException e) {
                throw e;
            } catch (IllegalArgumentException | AccessDeniedException | NoSuchFileException e) {
                err().println("audit " + spec.name() + ": " + message(e));
                return USAGE;
            } catch (LedgerException | UncheckedIOException | IOException e) {
                err().println("audit " + spec.name() + " failed: " + message(e));
                return FAILED;
            } catch (Exception e) {
                err().println("audit " + spec.name() + " failed: " + message(e));
                return FAILED;
            }
        }

        private static String message(Exception e) {
            if (e instanceof NoSuchFileException n) {
                return "file not found: " + n.getFile();
            }
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (m.contains("already in use")) {
                // The embedded H2 file is open by a running gateway; production runs on PostgreSQL.
                return "the embedded database is open by a running gateway: stop it first, or ask the running "
                        + "gateway (GET /api/v1/audit/verify with the AUDITOR role)";
            }
            return m;
        }

        abstract int execute() throws Exception;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recompute the whole chain and every checkpoint signature. Exit 0 intact, 1 broken.")
    static class Verify extends Sub {
        @Option(names = {"--witness", "--from-checkpoint"}, paramLabel = "FILE",
                description = "Also check against a checkpoint log kept outside the database (data/audit/"
                        + "checkpoints.jsonl as shipped to the auditors, or an `audit checkpoints` export): detects "
                        + "a cut-back tail and a database rewritten from scratch.")
        Path checkpointFile;

        @Option(names = "--export", paramLabel = "FILE",
                description = "Verify an export file (JSONL or CSV) on its own, without the database.")
        Path exportFile;

        @Override
        int execute() throws Exception {
            List<Checkpoint> external = checkpointFile == null ? List.of() : CheckpointExport.read(checkpointFile);
            VerificationResult r;
            if (exportFile != null) {
                if (!Files.isRegularFile(exportFile)) {
                    throw new NoSuchFileException(exportFile.toString());
                }
                r = new LedgerVerifier(options.certificate()).verifyExport(exportFile, external);
            } else {
                VerificationResult[] holder = new VerificationResult[1];
                withSession(s -> {
                    holder[0] = s.verify(external);
                    return OK;
                });
                r = holder[0];
            }
            (r.intact() ? out() : err()).println(r.summary());
            return r.intact() ? OK : FAILED;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true, description = "Search audit events, oldest first.")
    static class Search extends Sub {
        @Option(names = "--from", paramLabel = "INSTANT", description = "From (inclusive), e.g. 2025-03-01T00:00:00Z.")
        Instant from;
        @Option(names = "--to", paramLabel = "INSTANT", description = "To (exclusive).")
        Instant to;
        @Option(names = "--partner", paramLabel = "ID")
        String partner;
        @Option(names = "--notice", paramLabel = "ID")
        String notice;
        @Option(names = "--exchange", paramLabel = "ID")
        String exchange;
        @Option(names = "--actor", paramLabel = "ID")
        String actor;
        @Option(names = "--action", paramLabel = "ACTION")
        String action;
        @Option(names = "--outcome", paramLabel = "OUTCOME")
        String outcome;
        @Option(names = "--page", defaultValue = "1", description = "Page number from 1 (default: ${DEFAULT-VALUE}).")
        int page;
        @Option(names = "--size", defaultValue = "50", description = "Page size 1..1000 (default: ${DEFAULT-VALUE}).")
        int size;

        @Override
        int execute() throws Exception {
            AuditQuery q = new AuditQuery(from, to, partner, notice, exchange, actor, action, outcome, page, size);
            return withSession(s -> {
                AuditSearch.Page p = s.search(q);
                PrintWriter o = out();
                o.printf(Locale.ROOT, "%-8s %-27s %-16s %-22s %-10s %-14s %-14s %-8s %s%n", "seq", "time", "actor",
                        "action", "partner", "notice", "exchange", "outcome", "error");
                for (LedgerRecord r : p.items()) {
                    var e = r.event();
                    o.printf(Locale.ROOT, "%-8d %-27s %-16s %-22s %-10s %-14s %-14s %-8s %s%n", r.seq(), e.time(),
                            e.actor(), e.action(), dash(e.partnerId()), dash(e.noticeId()), dash(e.exchangeId()),
                            dash(e.outcome()), dash(e.errorCode()));
                }
                o.printf(Locale.ROOT, "page %d of %d (%d events)%n", p.page(),
                        Math.max(1, (p.total() + p.size() - 1) / p.size()), p.total());
                return OK;
            });
        }

        private static String dash(String s) {
            return s == null ? "-" : s;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export the whole chain with its chain fields (verifiable with 'verify --export').")
    static class Export extends Sub {
        @Option(names = "--format", required = true, paramLabel = "csv|jsonl",
                converter = FormatConverter.class, description = "csv or jsonl")
        AuditExport.Format format;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Override
        int execute() throws Exception {
            return withSession(s -> {
                long n = s.export(format, out);
                out().println("exported " + n + " events to " + out);
                return OK;
            });
        }
    }

    static class FormatConverter implements picocli.CommandLine.ITypeConverter<AuditExport.Format> {
        @Override
        public AuditExport.Format convert(String value) {
            try {
                return AuditExport.Format.of(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("format must be csv or jsonl, not '" + value + "'");
            }
        }
    }

    @Command(name = "checkpoints", mixinStandardHelpOptions = true, description = "Signed checkpoints.",
            subcommands = CheckpointsExport.class)
    static class Checkpoints implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return USAGE;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write every signed checkpoint to a file to keep outside the gateway.")
    static class CheckpointsExport extends Sub {
        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Override
        int execute() throws Exception {
            return withSession(s -> {
                int n = s.exportCheckpoints(out);
                out().println("exported " + n + " checkpoints to " + out);
                return OK;
            });
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Disclosure report: what was sent to whom, when, under which legal basis and handling "
                    + "code, approved by whom, acknowledged or not.")
    static class Report extends Sub {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Scope scope;

        static class Scope {
            @Option(names = "--notice", paramLabel = "ID", required = true)
            String notice;
            @ArgGroup(exclusive = false)
            PartnerPeriod partner;
        }

        static class PartnerPeriod {
            @Option(names = "--partner", paramLabel = "ID", required = true)
            String partner;
            @Option(names = "--from", paramLabel = "INSTANT", required = true)
            Instant from;
            @Option(names = "--to", paramLabel = "INSTANT", required = true)
            Instant to;
        }

        @Override
        int execute() throws Exception {
            return withSession(s -> {
                DisclosureReport.Report r = scope.notice != null ? s.disclosureForNotice(scope.notice)
                        : s.disclosureForPartner(scope.partner.partner, scope.partner.from, scope.partner.to);
                out().print(r.toText());
                return OK;
            });
        }
    }
}
