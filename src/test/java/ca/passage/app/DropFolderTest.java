package ca.passage.app;

import ca.passage.testing.Await;
import ca.passage.testing.RunningGateway;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A notice file dropped into {@code <data>/inbox} is taken in like a REST submission, and the file is filed away. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("process")
class DropFolderTest {

    private RunningGateway running;
    private Path dir;
    private Path inbox;
    private Gateway gateway;

    @BeforeAll
    void start() throws IOException {
        running = RunningGateway.start();
        dir = running.dir;
        inbox = running.inbox();
        gateway = running.gateway;
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void aValidNoticeFileIsAcceptedDeliveredAndMovedToDone() throws Exception {
        String xml = Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml"))
                .replace("CA-2026-000102", "CA-DROP-OK");
        drop("ok-notice.xml", xml);

        assertThat(await(() -> gateway.store().noticeExists("CA-DROP-OK"), Duration.ofSeconds(30)))
                .as("notice taken in from the inbox").isTrue();
        assertThat(gateway.store().findNotice("CA-DROP-OK").orElseThrow().submittedBy()).isEqualTo("drop-folder");
        assertThat(await(() -> gateway.store().exchangesOf("CA-DROP-OK").stream().allMatch(e -> e.state().isFinal()),
                Duration.ofSeconds(60))).isTrue();
        assertThat(gateway.store().exchangesOf("CA-DROP-OK")).extracting(ExchangeRecord::partnerId)
                .containsExactlyInAnyOrder("interpol-hub", "eu-agency", "us-hsi");
        assertThat(gateway.store().exchangesOf("CA-DROP-OK")).extracting(ExchangeRecord::state)
                .containsOnly(ExchangeState.ACKNOWLEDGED);
        assertThat(await(() -> filed(".done", "ok-notice.xml") && !Files.exists(inbox.resolve("ok-notice.xml")),
                Duration.ofSeconds(10))).as("moved under .done/").isTrue();
        assertThat(filed(".error", "ok-notice.xml")).isFalse();
    }

    @Test
    void anInvalidNoticeFileGoesToErrorAndLeavesNoNotice() throws Exception {
        String xml = Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml"))
                .replace("CA-2026-000102", "CA-DROP-BAD")
                .replace("<recipient>us-hsi</recipient>", "<recipient>atlantis-police</recipient>");
        drop("bad-notice.xml", xml);

        assertThat(await(() -> filed(".error", "bad-notice.xml") && !Files.exists(inbox.resolve("bad-notice.xml")),
                Duration.ofSeconds(30))).as("moved under .error/").isTrue();
        assertThat(filed(".done", "bad-notice.xml")).isFalse();
        assertThat(gateway.store().findNotice("CA-DROP-BAD")).isEmpty();
        assertThat(gateway.store().exchangesOf("CA-DROP-BAD")).isEmpty();
    }

    /** Written beside the inbox and moved in, so the route never sees half a file. */
    private void drop(String name, String content) throws IOException {
        Path tmp = dir.resolve(name + ".part");
        Files.writeString(tmp, content);
        Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private boolean filed(String folder, String name) {
        Path f = inbox.resolve(folder);
        if (!Files.isDirectory(f)) {
            return false;
        }
        try (Stream<Path> files = Files.list(f)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith(name + "."));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean await(BooleanSupplier condition, Duration within) {
        Await.until(within, condition::getAsBoolean);
        return true;
    }

}
