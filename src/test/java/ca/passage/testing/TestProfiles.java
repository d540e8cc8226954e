package ca.passage.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Copies of the shipped partner profiles for one test, each endpoint moved to a free loopback port, so that tests
 * never depend on (or collide over) the fixed demo ports 9101-9103.
 */
public final class TestProfiles {

    private static final Pattern ENDPOINT = Pattern.compile("endpoint: https://127\\.0\\.0\\.1:\\d+/");

    private TestProfiles() {
    }

    public static Path withFreePorts(Path target) throws IOException {
        return withFreePorts(target, UnaryOperator.identity());
    }

    /** As {@link #withFreePorts(Path)}, with {@code edit} applied to each profile's YAML text. */
    public static Path withFreePorts(Path target, UnaryOperator<String> edit) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> shipped = Files.list(Path.of("partner-profiles"))) {
            for (Path p : shipped.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Matcher m = ENDPOINT.matcher(Files.readString(p));
                String yaml = m.replaceFirst("endpoint: https://127.0.0.1:" + freePort() + "/");
                Files.writeString(target.resolve(p.getFileName()), edit.apply(yaml));
            }
        }
        return target;
    }

    /**
     * The profile with an {@code as4} channel turned back into our own envelope over HTTP, for tests of behaviour
     * only that channel has (asynchronous receipts, a partner played by Citrus at {@code /exchange/v1/inbound}).
     */
    public static String httpChannel(String yaml) {
        if (!yaml.contains("  type: as4\n")) {
            return yaml;
        }
        return yaml.replace("  type: as4\n", "  type: http\n")
                .replace("/exchange/v1/as4\n", "/exchange/v1/inbound\n")
                .replaceAll("(?m)^  as4:\n(^    .*\n)+", "");
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
