package ca.passage.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Headless Chromium signed in to a {@link RunningGateway}'s console as one development user, the way a person
 * would be: with their client certificate. The user's {@code keys/users/<name>.p12} is imported into an NSS
 * database under a HOME made for this browser (Chromium on Linux reads {@code $HOME/.pki/nssdb}), with the
 * development CA trusted, and the managed policy {@code AutoSelectCertificateForUrls} (a file in
 * {@code /etc/chromium/policies/managed/}, so it needs root, as CI runs) picks that certificate for this gateway's
 * origin. One browser per test class; {@link #screenshotOnFailure} saves a screenshot under {@code target/browser/}.
 */
public final class ConsoleBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path POLICIES = Path.of("/etc/chromium/policies/managed");

    public final ChromeDriver driver;
    public final Path downloads;
    private final RunningGateway running;
    private final Path home;
    private final Path policy;

    public ConsoleBrowser(RunningGateway running, String user) {
        this.running = running;
        boolean ci = System.getenv("CI") != null;
        boolean usable = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER) && Files.isExecutable(Path.of("/usr/bin/pk12util"))
                && (Files.isWritable(POLICIES) || (!Files.exists(POLICIES) && Files.isWritable(Path.of("/etc"))));
        if (!ci) {
            Assumptions.assumeTrue(usable, "browser tests need chromium, chromium-driver, libnss3-tools and root");
        }
        try {
            home = Files.createTempDirectory("passage-browser-" + user);
            downloads = Files.createDirectories(home.resolve("downloads"));
            Path nss = Files.createDirectories(home.resolve(".pki/nssdb"));
            Path users = running.keys.resolve("users");
            run("certutil", "-N", "-d", "sql:" + nss, "--empty-password");
            run("certutil", "-A", "-d", "sql:" + nss, "-n", "passage-dev-ca", "-t", "C,,", "-i",
                    running.keys.resolve("ca.cert.pem").toString());
            run("pk12util", "-i", users.resolve(user + ".p12").toString(), "-d", "sql:" + nss, "-W",
                    Files.readString(users.resolve(user + ".p12.password")).strip());
            Files.createDirectories(POLICIES);
            policy = POLICIES.resolve("passage-test-" + running.port + ".json");
            Files.writeString(policy, "{\"AutoSelectCertificateForUrls\": [\"{\\\"pattern\\\":\\\"https://localhost:"
                    + running.port + "\\\",\\\"filter\\\":{\\\"SUBJECT\\\":{\\\"CN\\\":\\\"" + user + "\\\"}}}\"]}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withEnvironment(Map.of("HOME", home.toString())).build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1280,1000", "--lang=en-CA", "--user-data-dir=" + home.resolve("profile"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO).pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** Loads a console path ({@code /console/...}) of this gateway. */
    public ConsoleBrowser open(String path) {
        driver.get("https://localhost:" + running.port + path);
        return this;
    }

    /** The first element {@code css} selects, waiting up to ten seconds for it (pages fill some parts by script). */
    public WebElement find(String css) {
        return Await.until(Duration.ofSeconds(10), () -> driver.findElements(By.cssSelector(css)), found -> !found.isEmpty())
                .get(0);
    }

    /**
     * Clicks the link or submit button {@code css} selects and waits until the page it leads to has replaced this
     * one. A click returns before the navigation ends, so without this wait the next {@link #find} can take an
     * element of the old page (a {@code #done} banner both pages have) that goes stale while it is read.
     */
    public ConsoleBrowser follow(String css) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        find(css).click();
        Await.until(Duration.ofSeconds(30), () -> isStale(oldPage)
                && "complete".equals(driver.executeScript("return document.readyState")));
        return this;
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        }
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Saves the page as {@code target/<folder>/<name>.png} (and its source beside it); returns the image. */
    public Path screenshot(String folder, String name) {
        try {
            Path out = Files.createDirectories(Path.of("target", folder)).resolve(name + ".png");
            Files.write(out, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(out.resolveSibling(name + ".html"), driver.getPageSource());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JUnit extension that saves a screenshot of the class's browser (once it has one) when a test fails. */
    public static TestWatcher screenshotOnFailure(java.util.function.Supplier<ConsoleBrowser> browser) {
        return new TestWatcher() {
            @Override
            public void testFailed(ExtensionContext context, Throwable cause) {
                if (browser.get() != null) {
                    browser.get().screenshot("browser", context.getRequiredTestClass().getSimpleName() + "-"
                            + context.getDisplayName().replaceAll("[^A-Za-z0-9]+", "_"));
                }
            }
        };
    }

    private static void run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command[0], command[1]) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try {
                Files.deleteIfExists(policy);
                try (Stream<Path> files = Files.walk(home)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
