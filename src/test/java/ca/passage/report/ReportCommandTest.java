package ca.passage.report;

import ca.passage.cli.PassageCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./passage report statistics}: bad usage is exit 2 with a message naming what is wrong. */
class ReportCommandTest {

    private static int run(StringWriter err, String... args) {
        CommandLine cli = PassageCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void aPeriodEndingBeforeItStartsIsBadUsage(@TempDir Path data) {
        StringWriter err = new StringWriter();
        assertThat(run(err, "report", "statistics", "--from", "2026-02-01", "--to", "2026-01-01", "--data", data.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--to 2026-01-01 is before --from 2026-02-01");
    }

    @Test
    void anUnknownFormatIsBadUsage(@TempDir Path data) {
        StringWriter err = new StringWriter();
        assertThat(run(err, "report", "statistics", "--from", "2026-01-01", "--to", "2026-01-31", "--format", "xml",
                "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--format must be csv, html or json");
    }

    @Test
    void aFolderWithoutADatabaseIsBadUsage(@TempDir Path data) {
        StringWriter err = new StringWriter();
        assertThat(run(err, "report", "statistics", "--from", "2026-01-01", "--to", "2026-01-31", "--data", data.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no Passage database in");
    }
}
