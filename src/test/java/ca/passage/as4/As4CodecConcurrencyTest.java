package ca.passage.as4;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The gateway seals and opens AS4 messages on several consumer threads with one key set per partner, as a partner's
 * access point does: every message must open, whatever runs beside it.
 */
class As4CodecConcurrencyTest {
    @TempDir
    static Path dir;
    static As4TestKeys keys;

    @BeforeAll
    static void keys() {
        keys = new As4TestKeys(dir);
    }

    @ParameterizedTest
    @EnumSource(As4CryptoVariant.class)
    void messagesSealedAndOpenedOnFourThreadsWithSharedKeysAllOpenAndAllReceiptsVerify(As4CryptoVariant v) throws Exception {
        As4Codec codec = new As4Codec(Clock.systemUTC(), 10_000_000);
        As4Keys passage = keys.keys(keys.gateway(v), keys.foreign(v));
        As4Keys foreign = keys.keys(keys.foreign(v), keys.gateway(v));
        As4Agreement agreement = As4Fixtures.agreement(v);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        try {
                            SealedUserMessage sealed = codec.seal(As4Fixtures.message(agreement), passage, v);
                            ReceivedUserMessage received = codec.open(sealed.packet(), m -> new As4Inbound(agreement, foreign));
                            As4Signal signal = codec.readSignal(codec.receipt(received, foreign, v), sealed, passage, v);
                            if (!(signal instanceof As4Signal.Receipt)) {
                                failures.add("not a receipt: " + signal);
                            }
                        } catch (RuntimeException e) {
                            StringWriter trace = new StringWriter();
                            e.printStackTrace(new PrintWriter(trace));
                            failures.add(trace.toString());
                        }
                    }
                }));
            }
            for (Future<?> r : runs) {
                r.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(failures).as("failures on concurrent threads").isEmpty();
    }
}
