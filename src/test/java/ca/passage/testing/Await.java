package ca.passage.testing;

import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * The one way tests wait for something asynchronous (a route, a broker, a child process): Awaitility, polling every
 * 100 ms from the start, failing with the condition's description when {@code atMost} passes. Never a sleep.
 */
public final class Await {

    private static final Duration POLL = Duration.ofMillis(100);

    private Await() {
    }

    /** Waits until {@code condition} is true. */
    public static void until(Duration atMost, Callable<Boolean> condition) {
        Awaitility.await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(POLL).until(condition);
    }

    /** Waits until {@code value} gives something {@code accepted} takes, and returns it. */
    public static <T> T until(Duration atMost, Callable<T> value, Predicate<? super T> accepted) {
        return Awaitility.await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(POLL)
                .until(value, accepted::test);
    }

    /** Waits until {@code assertion} passes; the last failure is the message when it never does. */
    public static void untilAsserted(Duration atMost, ThrowingRunnable assertion) {
        Awaitility.await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(POLL).untilAsserted(assertion);
    }

    /** Checks that {@code condition} stays true for all of {@code during} (e.g. that no redelivery comes). */
    public static void holds(Duration during, Callable<Boolean> condition) {
        Awaitility.await().during(during).atMost(during.plusSeconds(5)).pollDelay(Duration.ZERO).pollInterval(POLL)
                .until(condition);
    }
}
