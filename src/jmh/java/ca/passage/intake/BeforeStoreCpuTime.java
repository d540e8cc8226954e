package ca.passage.intake;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * CPU time per notice of {@link BeforeStoreBenchmark#beforeStore}, on the thread's own CPU clock (load-independent on a
 * shared machine, unlike JMH's operations per second). Several measured rounds after a warm-up, each printed, so
 * that their spread shows. Run: {@code mvn -Pbench test-compile exec:exec -Dbench.main=ca.passage.intake.BeforeStoreCpuTime
 * -Dbench.args=""}.
 */
public final class BeforeStoreCpuTime {

    private static final int WARM_UP = 10000;
    private static final int ROUNDS = 5;
    private static final int PER_ROUND = 1000;

    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        BeforeStoreBenchmark b = new BeforeStoreBenchmark();
        b.setUp();
        for (int i = 0; i < WARM_UP; i++) {
            b.beforeStore();
        }
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < PER_ROUND; i++) {
                b.beforeStore();
            }
            double ms = (threads.getCurrentThreadCpuTime() - t0) / 1e6 / PER_ROUND;
            System.out.printf(Locale.ROOT, "intake before store: %.3f ms CPU per notice (%.0f notices/s per core)%n",
                    ms, 1000 / ms);
        }
    }
}
