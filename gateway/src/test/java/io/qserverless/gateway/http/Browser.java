package io.qserverless.gateway.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver: one browser per test class
 * (started before its first test, quit after its last), a fresh profile each time, and a screenshot
 * under {@code target/screenshots/} of every test that fails.
 *
 * <p>The flags keep the browser off the network beyond loopback (no component updates, sync, QUIC
 * or background fetches), so the tests run on a machine without internet.
 */
final class Browser implements BeforeAllCallback, AfterAllCallback, TestWatcher {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /**
   * The tests use WebDriver only, no DevTools: Selenium's warning that it has no CDP binding for
   * this chromium is noise.
   */
  private static final Logger CDP_NOTES =
      Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_NOTES.setLevel(Level.SEVERE);
  }

  private ChromeDriver driver;
  private Path profile;
  private Path downloads;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    for (Path p : new Path[] {CHROMIUM, CHROMEDRIVER}) {
      if (!Files.isExecutable(p)) {
        throw new IllegalStateException(
            p
                + " is missing: the dashboard tests need Debian's chromium and chromium-driver;"
                + " install them with 'apt-get install chromium chromium-driver' (./qs test does so when it runs as root).");
      }
    }
    profile = Files.createTempDirectory("qs-chromium-profile");
    downloads = Files.createTempDirectory("qs-chromium-downloads");
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1100",
        "--user-data-dir=" + profile);
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (driver != null) {
      driver.quit();
    }
    for (Path dir : new Path[] {profile, downloads}) {
      if (dir != null) {
        try (var files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (driver != null) {
      screenshot(
          context.getRequiredTestClass().getSimpleName()
              + "-"
              + context.getRequiredTestMethod().getName());
    }
  }

  /** Saves what the browser shows as target/screenshots/{name}.png and answers the file. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Where the browser saves downloads. */
  Path downloads() {
    return downloads;
  }

  /** Waits up to {@code seconds} for the condition, failing with what the condition was. */
  <T> T await(int seconds, ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(100))
        .until(condition);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }
}
