package io.qserverless.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import io.qserverless.gateway.GatewayHarness;
import io.qserverless.protocol.circuit.CircuitJson;
import io.qserverless.protocol.value.Values;
import io.qserverless.quantum.circuit.QuantumCircuit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in a real browser against a real gateway: what a user clicks and sees, with the
 * jobs run as real child processes. Each test logs in as a fresh user and logs out at its end.
 */
@Timeout(120)
class DashboardTest {
  @RegisterExtension
  static final Browser browser = new Browser();
  static final GatewayHarness gateway = GatewayHarness.shared();
  static final Path PARALLEL_WORKFLOW =
      Path.of("../examples/src/main/java/io/qserverless/examples/programs/ParallelWorkflow.java");
  /** Markup that runs script if a page ever renders it as HTML; each marks the page as attacked. */
  static final String ATTACK = "<script>document.title='attacked'</script><img src=x onerror=\"document.title='attacked'\">";

  record Account(String username, String password, String token) {}

  @Test
  void the_page_is_served_at_the_root_with_a_policy_that_admits_only_its_own_scripts() {
    GatewayHarness.Answer page = gateway.get("/", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<script type=\"module\" src=\"js/app.js\">");
    assertThat(page.headers().get("Content-Security-Policy")).contains("default-src 'none'", "script-src 'self'",
        "connect-src 'self'", "frame-ancestors 'none'");
    assertThat(gateway.get("/js/app.js", null).status()).isEqualTo(200);
    assertThat(gateway.get("/no-such-page", null).status()).as("the API's 404 is unchanged").isEqualTo(404);
  }

  @Test
  void a_parallel_workflow_run_reaches_done_in_the_list_without_reload_and_its_page_charts_the_three_distributions()
      throws IOException {
    Account user = newAccount();
    assertThat(gateway.upload(user.token(), "parallel-workflow", "ParallelWorkflow.java",
        GatewayHarness.tar(Map.of("ParallelWorkflow.java", Files.readAllBytes(PARALLEL_WORKFLOW)))).status()).isEqualTo(200);
    logIn(user);
    js("window.qsNotReloaded = true");

    // q0: ─X──M─   {1: 1/2, 3: 1/2}      q0: ─H──H──M─  H·H = I: {0: 1}      q0: ─H──M─  uniform: 1/4 each
    // q1: ─H──M─                                                              q1: ─H──M─
    List<QuantumCircuit> circuits = List.of(new QuantumCircuit(2).x(0).h(1).measureAll(),
        new QuantumCircuit(1).h(0).h(0).measureAll(), new QuantumCircuit(2).h(0).h(1).measureAll());
    // Each task asks one cpu (the runtime's default): an allotment of three runs them side by side.
    String id = gateway.post("/api/v1/programs/run/", user.token(), Map.of("title", "parallel-workflow",
        "arguments", Values.toJson(Map.of("circuits", circuits)), "config", Map.of("cpu", 3))).json().get("id").asString();
    String ended = browser.await(90, d -> {
      String status = d.findElements(By.cssSelector("tr[data-job-id='" + id + "'] .badge")).stream()
          .map(WebElement::getText).findFirst().orElse("");
      return List.of("DONE", "ERROR", "CANCELED").contains(status) ? status : null;
    });
    assertThat(ended).as("the job's log: %s", gateway.get("/api/v1/jobs/" + id + "/logs/", user.token()).body())
        .isEqualTo("DONE");
    assertThat(js("return window.qsNotReloaded")).as("the list updated without a page load").isEqualTo(true);
    assertThat(browser.find("tr[data-job-id='" + id + "'] .function").getText()).isEqualTo("parallel-workflow");

    browser.find("tr[data-job-id='" + id + "'] a.job-link").click();
    browser.await(30, numberOfElementsToBe(By.cssSelector("#figures svg.histogram"), 3));
    assertBars("results[0]", "01", 0.5, "11", 0.5);
    assertBars("results[1]", "0", 1.0);
    assertBars("results[2]", "00", 0.25, "01", 0.25, "10", 0.25, "11", 0.25);
    // The bars are the result the API answers, and their heights are in proportion to it.
    JsonNode result = Values.toTree(Values.fromJson(gateway.get("/api/v1/jobs/" + id + "/result/", user.token())
        .json().get("result").asString())).get("results");
    for (int i = 0; i < 3; i++) {
      Map<String, Double> shown = bars("results[" + i + "]");
      double total = result.get(i).properties().stream().mapToDouble(e -> e.getValue().asDouble()).sum();
      assertThat(shown.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(total, within(1e-9));
      List<WebElement> rects = browser.driver().findElements(By.cssSelector("figure[data-path='results[" + i + "]'] rect"));
      double tallest = rects.stream().mapToDouble(r -> Double.parseDouble(r.getAttribute("height"))).max().orElseThrow();
      double largest = shown.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      int k = 0;
      for (double p : shown.values()) {
        assertThat(Double.parseDouble(rects.get(k++).getAttribute("height")) / tallest).isCloseTo(p / largest, within(0.02));
      }
    }
    assertThat(timeline()).containsSubsequence("QUEUED", "INITIALIZING", "RUNNING", "DONE");
    assertThat(browser.find("#job-status").getText()).isEqualTo("DONE");
    assertThat(browser.find("#result-json").getText()).contains("\"results\"");
    assertThat(browser.find("#stop").isDisplayed()).isFalse();
    // The README's picture (docs/images/dashboard-job.png is a copy): the whole page, charts included.
    browser.driver().manage().window().setSize(new Dimension(1280, 1400));
    browser.screenshot("dashboard-job");
    browser.driver().manage().window().setSize(new Dimension(1280, 1100));
    logOut();
  }

  @Test
  void a_running_jobs_log_is_followed_as_text_within_the_cap_and_stop_cancels_it() {
    Account user = newAccount();
    // 300,000 characters of filler, the attack, then a line every 50 ms for a minute.
    uploadScript(user, "ticker", "head -c 300000 /dev/zero | tr '\\0' '.'\necho\necho '" + ATTACK.replace("'", "'\"'\"'")
        + "'\ni=0\nwhile [ $i -lt 1200 ]; do i=$((i+1)); echo \"tick $i\"; sleep 0.05; done\n");
    String id = gateway.run(user.token(), "ticker", "{}");
    logIn(user);
    browser.driver().get(gateway.url() + "/#/job/" + id);
    browser.await(30, textToBePresentInElementLocated(By.id("logs"), "tick 3\n"));
    browser.await(30, textToBePresentInElementLocated(By.id("logs"), "tick 40\n"));
    WebElement logs = browser.find("#logs");
    assertThat(logs.getText()).contains(ATTACK);
    assertThat(browser.driver().findElements(By.cssSelector("#logs *"))).as("no element made from the log").isEmpty();
    assertThat(browser.driver().getTitle()).isEqualTo("Quantum Serverless");
    assertThat(((Number) js("return document.getElementById('logs').textContent.length")).intValue())
        .isEqualTo(256 * 1024);
    assertThat(browser.find("#logs-note").getText()).startsWith("Showing the last 256 KiB of");
    assertThat(((Number) js("const p = document.getElementById('logs'); return p.scrollHeight - p.scrollTop - p.clientHeight"))
        .doubleValue()).as("scrolled to the end").isLessThan(3);
    assertThat(browser.find("#job-status").getText()).isEqualTo("RUNNING");

    browser.find("#stop").click();
    browser.await(30, textToBe(By.id("job-status"), "CANCELED"));
    assertThat(browser.find("#stop-message").getText()).contains(id);
    assertThat(timeline()).containsSubsequence("QUEUED", "RUNNING", "CANCELED");
    assertThat(gateway.get("/api/v1/jobs/" + id + "/", user.token()).json().get("status").asString()).isEqualTo("STOPPED");
    logOut();
  }

  @Test
  void a_result_shows_its_circuit_drawn_its_counts_charted_its_resource_usage_tabled_and_markup_as_text() {
    Account user = newAccount();
    uploadScript(user, "echo", "cp \"$ARGUMENTS_PATH\" \"$RESULTS_PATH\"\n"); // the arguments become the result
    // q0: ─H──■──░─M────   a Bell pair, measured; sent as QPY (how circuits travel) and as circuit JSON
    // q1: ────X──░───M─
    QuantumCircuit bell = new QuantumCircuit(2).h(0).cx(0, 1).measureAll();
    Map<String, Object> arguments = new LinkedHashMap<>();
    arguments.put("bell", Values.toTree(bell));
    arguments.put("bell_json", Map.of("__type__", "QuantumCircuit", "__value__", CircuitJson.toTree(bell)));
    arguments.put("rotation", Values.toTree(new QuantumCircuit(1).rx(Math.PI / 3, 0).measureAll()));
    arguments.put("counts", Map.of("00", 510, "11", 514));
    arguments.put("note", ATTACK);
    Map<String, Object> usage = new LinkedHashMap<>();
    usage.put("CPU_TIME", 1.5);
    usage.put("QPU_TIME", 0);
    arguments.put("metadata", Map.of("resource_usage", Map.of("RUNNING: MAPPING", usage)));
    assertThat(arguments.get("bell").toString()).as("QPY: base64 of zlib'd bytes").contains("\"__value__\":\"eJ");
    String id = gateway.run(user.token(), "echo", GatewayHarness.json(arguments));
    gateway.awaitStatus(user.token(), id, "SUCCEEDED");
    logIn(user);
    browser.driver().get(gateway.url() + "/#/job/" + id);
    for (String path : List.of("bell", "bell_json")) {
      String figure = "figure[data-path='" + path + "'] ";
      browser.await(30, presenceOfElementLocated(By.cssSelector(figure + "svg.circuit")));
      List<String> ops = browser.driver().findElements(By.cssSelector(figure + "g.instruction")).stream()
          .map(g -> g.getAttribute("data-op")).toList();
      assertThat(ops).as(path).containsExactly("h", "cx", "barrier", "measure", "measure");
      assertThat(browser.driver().findElements(By.cssSelector(figure + ".control"))).hasSize(1);
      assertThat(browser.driver().findElements(By.cssSelector(figure + ".target"))).hasSize(1);
      assertThat(cells(figure + ".wire-name")).containsExactly("q[0]", "q[1]", "meas[0]", "meas[1]");
    }
    browser.await(30, presenceOfElementLocated(By.cssSelector("figure[data-path='rotation'] svg.circuit")));
    assertThat(cells("figure[data-path='rotation'] .gate-label")).containsExactly("RX(π/3)", "M");
    assertBars("counts", "00", 510.0, "11", 514.0);
    assertThat(cells("#resource-usage th")).containsExactly("Stage", "CPU_TIME", "QPU_TIME", "RUNNING: MAPPING");
    assertThat(cells("#resource-usage td")).containsExactly("1.5", "0");
    assertThat(browser.find("#result-json").getText()).contains(ATTACK.replace("\"", "\\\""));
    assertThat(browser.driver().findElements(By.cssSelector("#result-section script, #result-section img"))).isEmpty();
    assertThat(browser.driver().getTitle()).isEqualTo("Quantum Serverless");
    logOut();
  }

  @Test
  void a_sub_status_shows_live_in_the_list_and_in_the_timeline() {
    Account user = newAccount();
    uploadScript(user, "mapper", "sleep 4\n");
    logIn(user);
    String id = gateway.run(user.token(), "mapper", "{}");
    gateway.awaitStatus(user.token(), id, "RUNNING");
    // The owner may set it as the job itself would (API.md: PATCH .../sub_status/).
    assertThat(gateway.send("PATCH", "/api/v1/jobs/" + id + "/sub_status/", user.token(),
        GatewayHarness.json(Map.of("sub_status", "MAPPING"))).status()).isEqualTo(200);
    browser.await(30, textToBe(By.cssSelector("tr[data-job-id='" + id + "'] .badge"), "RUNNING: MAPPING"));
    browser.await(30, textToBe(By.cssSelector("tr[data-job-id='" + id + "'] .badge"), "DONE"));
    browser.find("tr[data-job-id='" + id + "'] a.job-link").click();
    browser.await(10, textToBe(By.id("job-status"), "DONE"));
    assertThat(timeline()).containsExactly("QUEUED", "INITIALIZING", "RUNNING", "RUNNING: MAPPING", "DONE");
    logOut();
  }

  @Test
  @SuppressWarnings("unchecked")
  void values_are_charted_when_they_are_quasi_distributions_or_counts_and_only_then() {
    browser.driver().get(gateway.url() + "/");
    // Each case: a value, and the bars the page makes of it (label=value, in order) or null for no chart.
    Object charted = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        import('/js/charts.js').then(({ distribution }) => done([
          { '1': 0.5, '3': 0.5 }, { '0': 1 }, { '0x0': 10, '0x3': 5 }, { '11': 514, '00': 510 },
          { '10': 0.5, '11': 0.5 }, { '2': -0.1, '0': 1.1 }, { a: 1 }, { '1': 'x' }, {}, [0.5, 0.5], { '01': 1, '1': 2 },
        ].map((v) => { const d = distribution(v); return d && d.labels.map((l, i) => `${l}=${d.values[i]}`).join(' '); })));
        """);
    assertThat((List<Object>) charted).containsExactly(
        "01=0.5 11=0.5", // integers, as bitstrings as wide as the largest
        "0=1",
        "00=10 11=5", // hex
        "00=510 11=514", // counts of bitstrings, sorted
        "1010=0.5 1011=0.5", // decimal integers, since the values are not counts
        "00=1.1 10=-0.1", // quasi-probabilities may be negative
        null, null, null, null, null);
  }

  @Test
  void the_list_filters_by_status_and_function_and_pages_newest_first() {
    Account user = newAccount();
    uploadScript(user, "ok", "exit 0\n");
    uploadScript(user, "fails", "echo 'bad input' >&2\nexit 3\n");
    String failed = gateway.run(user.token(), "fails", "{}");
    List<String> ok = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      ok.add(gateway.run(user.token(), "ok", "{}"));
    }
    gateway.awaitStatus(user.token(), failed, "FAILED");
    for (String id : ok) {
      gateway.awaitStatus(user.token(), id, "SUCCEEDED");
    }
    logIn(user);
    browser.await(10, textToBe(By.id("jobs-range"), "1–20 of 22"));
    assertThat(listedIds()).containsExactlyElementsOf(ok.reversed().subList(0, 20));
    browser.find("#jobs-next").click();
    browser.await(10, textToBe(By.id("jobs-range"), "21–22 of 22"));
    assertThat(listedIds()).containsExactly(ok.get(0), failed);
    assertThat(browser.find("#jobs-next").isEnabled()).isFalse();

    new Select(browser.find("#status-filter")).selectByVisibleText("ERROR");
    browser.await(10, textToBe(By.id("jobs-range"), "1–1 of 1"));
    assertThat(listedIds()).containsExactly(failed);
    new Select(browser.find("#status-filter")).selectByVisibleText("any status");
    browser.await(10, textToBe(By.id("jobs-range"), "1–20 of 22"));
    new Select(browser.find("#function-filter")).selectByVisibleText("fails");
    browser.await(10, textToBe(By.id("jobs-range"), "1–1 of 1"));
    assertThat(browser.find("tr[data-job-id='" + failed + "'] .badge").getText()).isEqualTo("ERROR");
    // Created, started, finished in the browser's zone to the second, and the run time, as the API has them.
    JsonNode job = gateway.get("/api/v1/jobs/" + failed + "/", user.token()).json();
    DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    List<String> row = cells("tr[data-job-id='" + failed + "'] td");
    assertThat(row.subList(2, 6)).containsExactly("fails", local.format(Instant.parse(job.get("created").asString())),
        local.format(Instant.parse(job.get("started").asString())), local.format(Instant.parse(job.get("finished").asString())));
    long ms = Instant.parse(job.get("finished").asString()).toEpochMilli() - Instant.parse(job.get("started").asString()).toEpochMilli();
    assertThat(row.get(6)).isEqualTo(ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0));

    browser.find("tr[data-job-id='" + failed + "'] a.job-link").click();
    browser.await(10, presenceOfElementLocated(By.id("errors")));
    assertThat(browser.find("#errors .reason").getText()).contains("exited with code 3");
    assertThat(browser.find("#errors").getText()).contains("bad input");
    JsonNode errors = gateway.get("/api/v1/jobs/" + failed + "/events/?type=ERROR", user.token()).json();
    assertThat(errors.size()).isPositive();
    for (JsonNode e : errors) {
      assertThat(browser.find("#errors").getText()).contains(e.get("data").get("exception").asString(),
          e.get("data").get("message").asString());
    }
    logOut();
  }

  @Test
  void functions_show_revisions_state_runs_and_a_markup_description_as_text() {
    Account user = newAccount();
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("title", "described");
    parts.put("entrypoint", "run.sh");
    parts.put("description", ATTACK);
    parts.put("artifact", new GatewayHarness.FilePart("a.tar", GatewayHarness.tar(Map.of("run.sh", "exit 0\n".getBytes()))));
    assertThat(gateway.multipart("/api/v1/programs/upload/", user.token(), parts).status()).isEqualTo(200);
    assertThat(gateway.multipart("/api/v1/programs/upload/", user.token(), parts).status()).isEqualTo(200);
    gateway.awaitStatus(user.token(), gateway.run(user.token(), "described", "{}"), "SUCCEEDED");
    uploadScript(user, "switched-off", "exit 0\n");
    assertThat(gateway.post("/api/v1/programs/switched-off/disable/", user.token(), null).status()).isEqualTo(200);
    logIn(user);
    browser.find("#nav a[data-view='functions']").click();
    browser.await(10, textToBe(By.cssSelector("tr[data-title='described'] .runs"), "1"));
    List<String> described = cells("tr[data-title='described'] td");
    assertThat(described).containsExactly("described", "run.sh", "—", "2", "enabled", "1", described.get(6), ATTACK);
    assertThat(cells("tr[data-title='switched-off'] td").subList(3, 6)).containsExactly("1", "disabled", "0");
    assertThat(browser.driver().findElements(By.cssSelector("#functions script, #functions img"))).isEmpty();
    assertThat(browser.driver().getTitle()).isEqualTo("Quantum Serverless");
    logOut();
  }

  @Test
  void files_upload_download_and_delete_and_a_markup_name_shows_as_text() throws IOException {
    Account user = newAccount();
    String hostile = "<img src=x onerror=document.title=1>.tar";
    byte[] tar = GatewayHarness.tar(Map.of("data.txt", "hello".getBytes(StandardCharsets.UTF_8)));
    Map<String, Object> parts = Map.of("file", new GatewayHarness.FilePart(hostile, tar));
    assertThat(gateway.multipart("/api/v1/files/upload/", user.token(), parts).status()).isEqualTo(200);
    Path local = Files.createTempDirectory("qs-upload").resolve("measurements.tar");
    Files.write(local, tar);
    logIn(user);
    browser.find("#nav a[data-view='files']").click();
    browser.await(10, presenceOfElementLocated(By.cssSelector("#files tr[data-file] .file-name")));
    assertThat(browser.find("#files .file-name").getText()).isEqualTo(hostile);
    assertThat(browser.driver().findElements(By.cssSelector("#files img"))).isEmpty();

    browser.find("#file-input").sendKeys(local.toAbsolutePath().toString());
    browser.find("#upload-submit").click();
    browser.await(10, presenceOfElementLocated(By.cssSelector("tr[data-file='measurements.tar']")));
    assertThat(gateway.get("/api/v1/files/", user.token()).json().get("results").toString()).contains("measurements.tar");

    browser.find("tr[data-file='measurements.tar'] button.download").click();
    Path saved = browser.downloads().resolve("measurements.tar");
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(saved));
    assertThat(saved).hasBinaryContent(tar);

    browser.find("tr[data-file='measurements.tar'] button.delete").click();
    browser.await(5, alertIsPresent()).accept();
    browser.await(10, textToBe(By.id("files-status"), "Requested file was deleted."));
    assertThat(browser.driver().findElements(By.cssSelector("tr[data-file='measurements.tar']"))).isEmpty();
    assertThat(gateway.get("/api/v1/files/", user.token()).json().get("results").toString()).doesNotContain("measurements.tar");
    assertThat(browser.driver().getTitle()).isEqualTo("Quantum Serverless");
    logOut();
  }

  @Test
  void logout_forgets_the_token_and_the_next_user_sees_nothing_of_the_last() {
    Account first = newAccount();
    uploadScript(first, "private-work", "exit 0\n");
    String id = gateway.run(first.token(), "private-work", "{}");
    gateway.awaitStatus(first.token(), id, "SUCCEEDED");
    logIn(first);
    browser.await(10, presenceOfElementLocated(By.cssSelector("tr[data-job-id='" + id + "']")));
    browser.driver().get(gateway.url() + "/#/job/" + id);
    browser.await(10, textToBe(By.id("job-status"), "DONE"));
    logOut();
    assertThat(js("return sessionStorage.length")).isEqualTo(0L);
    browser.driver().navigate().back(); // to the job's page, as the next person at this browser might
    browser.await(10, presenceOfElementLocated(By.id("login-username")));
    assertThat(browser.driver().getPageSource()).doesNotContain("private-work");
    // A page the back-forward cache restores (memory and all) after a logout reloads itself.
    js("window.qsRestored = true; window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))");
    browser.await(10, d -> js("return window.qsRestored === undefined").equals(true));
    browser.await(10, presenceOfElementLocated(By.id("login-username")));

    Account second = newAccount();
    browser.find("#login-token").sendKeys(second.token());
    browser.find("#login-submit").click();
    browser.await(10, textToBe(By.id("username"), second.username()));
    browser.await(10, textToBe(By.id("jobs-range"), "0–0 of 0"));
    assertThat(browser.driver().getPageSource()).doesNotContain(id).doesNotContain("private-work");
    browser.driver().get(gateway.url() + "/#/job/" + id);
    browser.await(10, textToBePresentInElementLocated(By.cssSelector("#job-view .error"), "No job"));
    assertThat(browser.driver().getPageSource()).doesNotContain("private-work");
    assertThat(browser.driver().getCurrentUrl()).doesNotContain(second.token()).doesNotContain(first.token());
    logOut();

    browser.find("#login-token").sendKeys("not-a-token");
    browser.find("#login-submit").click();
    browser.await(10, textToBePresentInElementLocated(By.id("login-error"), "Not logged in"));
  }

  private Account newAccount() {
    String name = "d" + UUID.randomUUID().toString().substring(0, 8);
    String password = "pass-" + UUID.randomUUID();
    assertThat(gateway.post("/api/v1/users/", gateway.token(), Map.of("username", name, "password", password)).status())
        .isEqualTo(200);
    String token = gateway.post("/api/v1/auth/login/", null, Map.of("username", name, "password", password))
        .json().get("token").asString();
    return new Account(name, password, token);
  }

  private void uploadScript(Account user, String title, String script) {
    byte[] tar = GatewayHarness.tar(Map.of("run.sh", ("#!/bin/sh\n" + script).getBytes(StandardCharsets.UTF_8)));
    assertThat(gateway.upload(user.token(), title, "run.sh", tar).status()).isEqualTo(200);
  }

  private void logIn(Account user) {
    browser.driver().get(gateway.url() + "/");
    js("sessionStorage.clear()"); // a test that failed before its log-out leaves no session behind
    browser.driver().navigate().refresh();
    browser.await(10, presenceOfElementLocated(By.id("login-username"))).sendKeys(user.username());
    browser.find("#login-password").sendKeys(user.password());
    browser.find("#login-submit").click();
    browser.await(10, textToBe(By.id("username"), user.username()));
    assertThat(browser.driver().getCurrentUrl()).doesNotContain(user.token());
  }

  private void logOut() {
    browser.find("#logout").click();
    browser.await(10, presenceOfElementLocated(By.id("login-username")));
  }

  /** The bars of the chart at JSON path {@code path}: label to the exact value, in drawn order. */
  private Map<String, Double> bars(String path) {
    Map<String, Double> bars = new LinkedHashMap<>();
    for (WebElement g : browser.driver().findElements(By.cssSelector("figure[data-path='" + path + "'] g.bar"))) {
      bars.put(g.getAttribute("data-label"), Double.parseDouble(g.getAttribute("data-value")));
    }
    return bars;
  }

  /** The chart at {@code path} has these bars (label, value, label, value...) in this order. */
  private void assertBars(String path, Object... expected) {
    Map<String, Double> shown = bars(path);
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < expected.length; i += 2) {
      labels.add((String) expected[i]);
      assertThat(shown.get((String) expected[i])).as("bar %s of %s", expected[i], path)
          .isCloseTo((Double) expected[i + 1], within(1e-9));
    }
    assertThat(shown.keySet()).as("bars of %s", path).containsExactlyElementsOf(labels);
  }

  private List<String> timeline() {
    return browser.driver().findElements(By.cssSelector("#timeline .step")).stream().map(WebElement::getText).toList();
  }

  private List<String> listedIds() {
    return browser.driver().findElements(By.cssSelector("#jobs tr[data-job-id]")).stream()
        .map(r -> r.getAttribute("data-job-id")).toList();
  }

  private List<String> cells(String css) {
    return browser.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  private Object js(String script) {
    return ((JavascriptExecutor) browser.driver()).executeScript(script);
  }
}
