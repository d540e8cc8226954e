package ca.passage.app;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One commons-logging API on the class path (spring-jcl's, routed to SLF4J): with commons-logging.jar beside it,
 * spring-jcl prints "Standard Commons Logging discovery in action with spring-jcl" at the first log call.
 */
class LoggingClasspathTest {

    @Test
    void theCommonsLoggingApiComesFromOneJarOnly() throws Exception {
        List<URL> copies = Collections.list(getClass().getClassLoader()
                .getResources("org/apache/commons/logging/LogFactory.class"));

        assertThat(copies).hasSize(1);
        assertThat(copies.get(0).toString()).contains("spring-jcl");
    }
}
