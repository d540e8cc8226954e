package ca.passage.crypto;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * CPU time per seal and per open of the 8 KB notice of {@link CryptoPipelineBenchmark}, measured with the thread's
 * own CPU clock instead of the wall clock: on a machine that other work shares, JMH's operations per second fall
 * with the load, while CPU time per operation barely moves. {@code 1000 / ms} is the rate one idle core would give.
 * Run: {@code mvn -Pbench test-compile exec:exec -Dbench.main=ca.passage.crypto.CryptoCpuTime
 * -Dbench.args="ec ed rsa-compat"} (see {@code docs/performance.md}).
 */
public final class CryptoCpuTime {

    private static final int WARM_UP = 400;
    private static final int MEASURED = 600;

    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<String> profiles = args.length == 0 ? List.of("ec", "ed", "rsa-compat") : List.of(args);
        for (String name : profiles) {
            CryptoPipelineBenchmark b = new CryptoPipelineBenchmark();
            b.profileName = name;
            b.setUp();
            try {
                for (int i = 0; i < WARM_UP; i++) {
                    b.seal();
                    b.open();
                }
                long t0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < MEASURED; i++) {
                    b.seal();
                }
                long t1 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < MEASURED; i++) {
                    b.open();
                }
                long t2 = threads.getCurrentThreadCpuTime();
                double seal = (t1 - t0) / 1e6 / MEASURED;
                double open = (t2 - t1) / 1e6 / MEASURED;
                System.out.printf(Locale.ROOT, "%-11s seal %.2f ms CPU (%.0f ops/s per core)   open %.2f ms CPU (%.0f ops/s per core)%n",
                        name, seal, 1000 / seal, open, 1000 / open);
            } finally {
                b.tearDown();
            }
        }
    }
}
