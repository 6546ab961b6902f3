package io.qserverless.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import io.qserverless.gateway.GatewayHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The page itself, sessions, and what an account holds, in a real browser against a real gateway:
 * the served page and its policy, functions, files, and logging out and in as another user.
 */
@Timeout(120)
class DashboardAccountTest {
  @RegisterExtension static final Browser browser = new Browser();
  static final GatewayHarness gateway = GatewayHarness.shared();
  static final DashboardPage page = new DashboardPage(browser, gateway);

  @Test
  void the_page_is_served_at_the_root_with_a_policy_that_admits_only_its_own_scripts() {
    GatewayHarness.Answer index = gateway.get("/", null);
    assertThat(index.status()).isEqualTo(200);
    assertThat(index.body()).contains("<script type=\"module\" src=\"js/app.js\">");
    assertThat(index.headers().get("Content-Security-Policy"))
        .contains(
            "default-src 'none'",
            "script-src 'self'",
            "connect-src 'self'",
            "frame-ancestors 'none'");
    assertThat(gateway.get("/js/app.js", null).status()).isEqualTo(200);
    assertThat(gateway.get("/no-such-page", null).status())
        .as("the API's 404 is unchanged")
        .isEqualTo(404);
  }

  @Test
  void functions_show_revisions_state_runs_and_a_markup_description_as_text() {
    DashboardPage.Account user = page.newAccount();
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("title", "described");
    parts.put("entrypoint", "run.sh");
    parts.put("description", DashboardPage.ATTACK);
    parts.put(
        "artifact",
        new GatewayHarness.FilePart(
            "a.tar", GatewayHarness.tar(Map.of("run.sh", "exit 0\n".getBytes()))));
    assertThat(gateway.multipart("/api/v1/programs/upload/", user.token(), parts).status())
        .isEqualTo(200);
    assertThat(gateway.multipart("/api/v1/programs/upload/", user.token(), parts).status())
        .isEqualTo(200);
    gateway.awaitStatus(user.token(), gateway.run(user.token(), "described", "{}"), "SUCCEEDED");
    page.uploadScript(user, "switched-off", "exit 0\n");
    assertThat(gateway.post("/api/v1/programs/switched-off/disable/", user.token(), null).status())
        .isEqualTo(200);
    page.logIn(user);
    browser.find("#nav a[data-view='functions']").click();
    browser.await(10, textToBe(By.cssSelector("tr[data-title='described'] .runs"), "1"));
    List<String> described = page.cells("tr[data-title='described'] td");
    assertThat(described)
        .containsExactly(
            "described",
            "run.sh",
            "—",
            "2",
            "enabled",
            "1",
            described.get(6),
            DashboardPage.ATTACK);
    assertThat(page.cells("tr[data-title='switched-off'] td").subList(3, 6))
        .containsExactly("1", "disabled", "0");
    assertThat(browser.driver().findElements(By.cssSelector("#functions script, #functions img")))
        .isEmpty();
    assertThat(browser.driver().getTitle()).isEqualTo("Quantum Serverless");
    page.logOut();
  }

  @Test
  void files_upload_download_and_delete_and_a_markup_name_shows_as_text() throws IOException {
    DashboardPage.Account user = page.newAccount();
    String hostile = "<img src=x onerror=document.title=1>.tar";
    byte[] tar = GatewayHarness.tar(Map.of("data.txt", "hello".getBytes(StandardCharsets.UTF_8)));
    Map<String, Object> parts = Map.of("file", new GatewayHarness.FilePart(hostile, tar));
    assertThat(gateway.multipart("/api/v1/files/upload/", user.token(), parts).status())
        .isEqualTo(200);
    Path local = Files.createTempDirectory("qs-upload").resolve("measurements.tar");
    Files.write(local, tar);
    page.logIn(user);
    browser.find("#nav a[data-view='files']").click();
    browser.await(10, presenceOfElementLocated(By.cssSelector("#files tr[data-file] .file-name")));
    assertThat(browser.find("#files .file-name").getText()).isEqualTo(hostile);
    assertThat(browser.driver().findElements(By.cssSelector("#files img"))).isEmpty();

    browser.find("#file-input").sendKeys(local.toAbsolutePath().toString());
    browser.find("#upload-submit").click();
    browser.await(10, presenceOfElementLocated(By.cssSelector("tr[data-file='measurements.tar']")));
    assertThat(gateway.get("/api/v1/files/", user.token()).json().get("results").toString())
        .contains("measurements.tar");

    browser.find("tr[data-file='measurements.tar'] button.download").click();
    Path saved = browser.downloads().resolve("measurements.tar");
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(saved));
    assertThat(saved).hasBinaryContent(tar);

    browser.find("tr[data-file='measurements.tar'] button.delete").click();
    browser.await(5, alertIsPresent()).accept();
    browser.await(10, textToBe(By.id("files-status"), "Requested file was deleted."));
    assertThat(browser.driver().findElements(By.cssSelector("tr[data-file='measurements.tar']")))
        .isEmpty();
    assertThat(gateway.get("/api/v1/files/", user.token()).json().get("results").toString())
        .doesNotContain("measurements.tar");
    assertThat(browser.driver().getTitle()).isEqualTo("Quantum Serverless");
    page.logOut();
  }

  @Test
  void logout_forgets_the_token_and_the_next_user_sees_nothing_of_the_last() {
    DashboardPage.Account first = page.newAccount();
    page.uploadScript(first, "private-work", "exit 0\n");
    String id = gateway.run(first.token(), "private-work", "{}");
    gateway.awaitStatus(first.token(), id, "SUCCEEDED");
    page.logIn(first);
    browser.await(10, presenceOfElementLocated(By.cssSelector("tr[data-job-id='" + id + "']")));
    browser.driver().get(gateway.url() + "/#/job/" + id);
    browser.await(10, textToBe(By.id("job-status"), "DONE"));
    page.logOut();
    assertThat(page.js("return sessionStorage.length")).isEqualTo(0L);
    browser
        .driver()
        .navigate()
        .back(); // to the job's page, as the next person at this browser might
    browser.await(10, presenceOfElementLocated(By.id("login-username")));
    assertThat(browser.driver().getPageSource()).doesNotContain("private-work");
    // A page the back-forward cache restores (memory and all) after a logout reloads itself.
    page.js(
        "window.qsRestored = true; window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))");
    browser.await(10, d -> page.js("return window.qsRestored === undefined").equals(true));
    browser.await(10, presenceOfElementLocated(By.id("login-username")));

    DashboardPage.Account second = page.newAccount();
    browser.find("#login-token").sendKeys(second.token());
    browser.find("#login-submit").click();
    browser.await(10, textToBe(By.id("username"), second.username()));
    browser.await(10, textToBe(By.id("jobs-range"), "0–0 of 0"));
    assertThat(browser.driver().getPageSource()).doesNotContain(id).doesNotContain("private-work");
    browser.driver().get(gateway.url() + "/#/job/" + id);
    browser.await(
        10, textToBePresentInElementLocated(By.cssSelector("#job-view .error"), "No job"));
    assertThat(browser.driver().getPageSource()).doesNotContain("private-work");
    assertThat(browser.driver().getCurrentUrl())
        .doesNotContain(second.token())
        .doesNotContain(first.token());
    page.logOut();

    browser.find("#login-token").sendKeys("not-a-token");
    browser.find("#login-submit").click();
    browser.await(10, textToBePresentInElementLocated(By.id("login-error"), "Not logged in"));
  }
}
