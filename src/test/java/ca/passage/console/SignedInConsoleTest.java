package ca.passage.console;

import ca.passage.testing.ConsoleBrowser;
import ca.passage.testing.RunningGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The set-up every console browser test shares: one gateway and one browser signed in as {@code user} for the whole
 * class, a screenshot when a test fails, both closed at the end.
 */
@Tag("browser")
@Tag("process")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SignedInConsoleTest {

    private final String user;
    RunningGateway running;
    ConsoleBrowser browser;

    @RegisterExtension
    final TestWatcher screenshots = ConsoleBrowser.screenshotOnFailure(() -> browser);

    SignedInConsoleTest(String user) {
        this.user = user;
    }

    /** What the gateway must hold before the browser opens its first page; nothing by default. */
    void beforeSignIn() throws Exception {
    }

    @BeforeAll
    void start() throws Exception {
        running = RunningGateway.start();
        beforeSignIn();
        browser = new ConsoleBrowser(running, user);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        running.close();
    }
}
