package io.qserverless.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import io.qserverless.gateway.GatewayHarness;
import io.qserverless.protocol.circuit.CircuitJson;
import io.qserverless.protocol.value.Values;
import io.qserverless.quantum.circuit.QuantumCircuit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The jobs views in a real browser against a real gateway, with the jobs run as real child
 * processes: the live list, a job's timeline, log, Stop and result. Each test logs in as a fresh
 * user and logs out at its end.
 */
@Timeout(120)
class DashboardJobsTest {
  @RegisterExtension static final Browser browser = new Browser();
  static final GatewayHarness gateway = GatewayHarness.shared();
  static final DashboardPage page = new DashboardPage(browser, gateway);
  static final Path PARALLEL_WORKFLOW =
      Path.of("../examples/src/main/java/io/qserverless/examples/programs/ParallelWorkflow.java");

  @Test
  void
      a_parallel_workflow_run_reaches_done_in_the_list_without_reload_and_its_page_charts_the_three_distributions()
          throws IOException {
    DashboardPage.Account user = page.newAccount();
    assertThat(
            gateway
                .upload(
                    user.token(),
                    "parallel-workflow",
                    "ParallelWorkflow.java",
                    GatewayHarness.tar(
                        Map.of("ParallelWorkflow.java", Files.readAllBytes(PARALLEL_WORKFLOW))))
                .status())
        .isEqualTo(200);
    page.logIn(user);
    page.js("window.qsNotReloaded = true");

    // q0: ─X──M─   {1: 1/2, 3: 1/2}      q0: ─H──H──M─  H·H = I: {0: 1}      q0: ─H──M─  uniform:
    // 1/4 each
    // q1: ─H──M─                                                              q1: ─H──M─
    List<QuantumCircuit> circuits =
        List.of(
            new QuantumCircuit(2).x(0).h(1).measureAll(),
            new QuantumCircuit(1).h(0).h(0).measureAll(),
            new QuantumCircuit(2).h(0).h(1).measureAll());
    // Each task asks one cpu (the runtime's default): an allotment of three runs them side by side.
    String id =
        gateway
            .post(
                "/api/v1/programs/run/",
                user.token(),
                Map.of(
                    "title",
                    "parallel-workflow",
                    "arguments",
                    Values.toJson(Map.of("circuits", circuits)),
                    "config",
                    Map.of("cpu", 3)))
            .json()
            .get("id")
            .asString();
    String ended =
        browser.await(
            90,
            d -> {
              String status =
                  d.findElements(By.cssSelector("tr[data-job-id='" + id + "'] .badge")).stream()
                      .map(WebElement::getText)
                      .findFirst()
                      .orElse("");
              return List.of("DONE", "ERROR", "CANCELED").contains(status) ? status : null;
            });
    assertThat(ended)
        .as("the job's log: %s", gateway.get("/api/v1/jobs/" + id + "/logs/", user.token()).body())
        .isEqualTo("DONE");
    assertThat(page.js("return window.qsNotReloaded"))
        .as("the list updated without a page load")
        .isEqualTo(true);
    assertThat(browser.find("tr[data-job-id='" + id + "'] .function").getText())
        .isEqualTo("parallel-workflow");

    browser.find("tr[data-job-id='" + id + "'] a.job-link").click();
    browser.await(30, numberOfElementsToBe(By.cssSelector("#figures svg.histogram"), 3));
    page.assertBars("results[0]", "01", 0.5, "11", 0.5);
    page.assertBars("results[1]", "0", 1.0);
    page.assertBars("results[2]", "00", 0.25, "01", 0.25, "10", 0.25, "11", 0.25);
    // The bars are the result the API answers, and their heights are in proportion to it.
    JsonNode result =
        Values.toTree(
                Values.fromJson(
                    gateway
                        .get("/api/v1/jobs/" + id + "/result/", user.token())
                        .json()
                        .get("result")
                        .asString()))
            .get("results");
    for (int i = 0; i < 3; i++) {
      Map<String, Double> shown = page.bars("results[" + i + "]");
      double total =
          result.get(i).properties().stream().mapToDouble(e -> e.getValue().asDouble()).sum();
      assertThat(shown.values().stream().mapToDouble(Double::doubleValue).sum())
          .isCloseTo(total, within(1e-9));
      List<WebElement> rects =
          browser
              .driver()
              .findElements(By.cssSelector("figure[data-path='results[" + i + "]'] rect"));
      double tallest =
          rects.stream()
              .mapToDouble(r -> Double.parseDouble(r.getAttribute("height")))
              .max()
              .orElseThrow();
      double largest = shown.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      int k = 0;
      for (double p : shown.values()) {
        assertThat(Double.parseDouble(rects.get(k++).getAttribute("height")) / tallest)
            .isCloseTo(p / largest, within(0.02));
      }
    }
    assertThat(page.timeline()).containsSubsequence("QUEUED", "INITIALIZING", "RUNNING", "DONE");
    assertThat(browser.find("#job-status").getText()).isEqualTo("DONE");
    assertThat(browser.find("#result-json").getText()).contains("\"results\"");
    assertThat(browser.find("#stop").isDisplayed()).isFalse();
    // The README's picture (docs/images/dashboard-job.png is a copy): the whole page, charts
    // included.
    browser.driver().manage().window().setSize(new Dimension(1280, 1400));
    browser.screenshot("dashboard-job");
    browser.driver().manage().window().setSize(new Dimension(1280, 1100));
    page.logOut();
  }

  @Test
  void a_running_jobs_log_is_followed_as_text_within_the_cap_and_stop_cancels_it() {
    DashboardPage.Account user = page.newAccount();
    // 300,000 characters of filler, the attack, then a line every 50 ms for a minute.
    page.uploadScript(
        user,
        "ticker",
        "head -c 300000 /dev/zero | tr '\\0' '.'\necho\necho '"
            + DashboardPage.ATTACK.replace("'", "'\"'\"'")
            + "'\ni=0\nwhile [ $i -lt 1200 ]; do i=$((i+1)); echo \"tick $i\"; sleep 0.05; done\n");
    String id = gateway.run(user.token(), "ticker", "{}");
    page.logIn(user);
    browser.driver().get(gateway.url() + "/#/job/" + id);
    browser.await(30, textToBePresentInElementLocated(By.id("logs"), "tick 3\n"));
    browser.await(30, textToBePresentInElementLocated(By.id("logs"), "tick 40\n"));
    WebElement logs = browser.find("#logs");
    assertThat(logs.getText()).contains(DashboardPage.ATTACK);
    assertThat(browser.driver().findElements(By.cssSelector("#logs *")))
        .as("no element made from the log")
        .isEmpty();
    assertThat(browser.driver().getTitle()).isEqualTo("Quantum Serverless");
    assertThat(
            ((Number) page.js("return document.getElementById('logs').textContent.length"))
                .intValue())
        .isEqualTo(256 * 1024);
    assertThat(browser.find("#logs-note").getText()).startsWith("Showing the last 256 KiB of");
    assertThat(
            ((Number)
                    page.js(
                        "const p = document.getElementById('logs'); return p.scrollHeight - p.scrollTop - p.clientHeight"))
                .doubleValue())
        .as("scrolled to the end")
        .isLessThan(3);
    assertThat(browser.find("#job-status").getText()).isEqualTo("RUNNING");

    browser.find("#stop").click();
    browser.await(30, textToBe(By.id("job-status"), "CANCELED"));
    assertThat(browser.find("#stop-message").getText()).contains(id);
    assertThat(page.timeline()).containsSubsequence("QUEUED", "RUNNING", "CANCELED");
    assertThat(
            gateway.get("/api/v1/jobs/" + id + "/", user.token()).json().get("status").asString())
        .isEqualTo("STOPPED");
    page.logOut();
  }

  @Test
  void
      a_result_shows_its_circuit_drawn_its_counts_charted_its_resource_usage_tabled_and_markup_as_text() {
    DashboardPage.Account user = page.newAccount();
    page.uploadScript(
        user,
        "echo",
        "cp \"$ARGUMENTS_PATH\" \"$RESULTS_PATH\"\n"); // the arguments become the result
    // q0: ─H──■──░─M────   a Bell pair, measured; sent as QPY (how circuits travel) and as circuit
    // JSON
    // q1: ────X──░───M─
    QuantumCircuit bell = new QuantumCircuit(2).h(0).cx(0, 1).measureAll();
    Map<String, Object> arguments = new LinkedHashMap<>();
    arguments.put("bell", Values.toTree(bell));
    arguments.put(
        "bell_json", Map.of("__type__", "QuantumCircuit", "__value__", CircuitJson.toTree(bell)));
    arguments.put("rotation", Values.toTree(new QuantumCircuit(1).rx(Math.PI / 3, 0).measureAll()));
    arguments.put("counts", Map.of("00", 510, "11", 514));
    arguments.put("note", DashboardPage.ATTACK);
    Map<String, Object> usage = new LinkedHashMap<>();
    usage.put("CPU_TIME", 1.5);
    usage.put("QPU_TIME", 0);
    arguments.put("metadata", Map.of("resource_usage", Map.of("RUNNING: MAPPING", usage)));
    assertThat(arguments.get("bell").toString())
        .as("QPY: base64 of zlib'd bytes")
        .contains("\"__value__\":\"eJ");
    String id = gateway.run(user.token(), "echo", GatewayHarness.json(arguments));
    gateway.awaitStatus(user.token(), id, "SUCCEEDED");
    page.logIn(user);
    browser.driver().get(gateway.url() + "/#/job/" + id);
    for (String path : List.of("bell", "bell_json")) {
      String figure = "figure[data-path='" + path + "'] ";
      browser.await(30, presenceOfElementLocated(By.cssSelector(figure + "svg.circuit")));
      List<String> ops =
          browser.driver().findElements(By.cssSelector(figure + "g.instruction")).stream()
              .map(g -> g.getAttribute("data-op"))
              .toList();
      assertThat(ops).as(path).containsExactly("h", "cx", "barrier", "measure", "measure");
      assertThat(browser.driver().findElements(By.cssSelector(figure + ".control"))).hasSize(1);
      assertThat(browser.driver().findElements(By.cssSelector(figure + ".target"))).hasSize(1);
      assertThat(page.cells(figure + ".wire-name"))
          .containsExactly("q[0]", "q[1]", "meas[0]", "meas[1]");
    }
    browser.await(
        30, presenceOfElementLocated(By.cssSelector("figure[data-path='rotation'] svg.circuit")));
    assertThat(page.cells("figure[data-path='rotation'] .gate-label"))
        .containsExactly("RX(π/3)", "M");
    page.assertBars("counts", "00", 510.0, "11", 514.0);
    assertThat(page.cells("#resource-usage th"))
        .containsExactly("Stage", "CPU_TIME", "QPU_TIME", "RUNNING: MAPPING");
    assertThat(page.cells("#resource-usage td")).containsExactly("1.5", "0");
    assertThat(browser.find("#result-json").getText())
        .contains(DashboardPage.ATTACK.replace("\"", "\\\""));
    assertThat(
            browser
                .driver()
                .findElements(By.cssSelector("#result-section script, #result-section img")))
        .isEmpty();
    assertThat(browser.driver().getTitle()).isEqualTo("Quantum Serverless");
    page.logOut();
  }

  @Test
  void a_sub_status_shows_live_in_the_list_and_in_the_timeline() {
    DashboardPage.Account user = page.newAccount();
    page.uploadScript(user, "mapper", "sleep 4\n");
    page.logIn(user);
    String id = gateway.run(user.token(), "mapper", "{}");
    gateway.awaitStatus(user.token(), id, "RUNNING");
    // The owner may set it as the job itself would (API.md: PATCH .../sub_status/).
    assertThat(
            gateway
                .send(
                    "PATCH",
                    "/api/v1/jobs/" + id + "/sub_status/",
                    user.token(),
                    GatewayHarness.json(Map.of("sub_status", "MAPPING")))
                .status())
        .isEqualTo(200);
    browser.await(
        30, textToBe(By.cssSelector("tr[data-job-id='" + id + "'] .badge"), "RUNNING: MAPPING"));
    browser.await(30, textToBe(By.cssSelector("tr[data-job-id='" + id + "'] .badge"), "DONE"));
    browser.find("tr[data-job-id='" + id + "'] a.job-link").click();
    browser.await(10, textToBe(By.id("job-status"), "DONE"));
    assertThat(page.timeline())
        .containsExactly("QUEUED", "INITIALIZING", "RUNNING", "RUNNING: MAPPING", "DONE");
    page.logOut();
  }

  @Test
  @SuppressWarnings("unchecked")
  void values_are_charted_when_they_are_quasi_distributions_or_counts_and_only_then() {
    browser.driver().get(gateway.url() + "/");
    // Each case: a value, and the bars the page makes of it (label=value, in order) or null for no
    // chart.
    Object charted =
        ((JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                """
        const done = arguments[arguments.length - 1];
        import('/js/charts.js').then(({ distribution }) => done([
          { '1': 0.5, '3': 0.5 }, { '0': 1 }, { '0x0': 10, '0x3': 5 }, { '11': 514, '00': 510 },
          { '10': 0.5, '11': 0.5 }, { '2': -0.1, '0': 1.1 }, { a: 1 }, { '1': 'x' }, {}, [0.5, 0.5], { '01': 1, '1': 2 },
        ].map((v) => { const d = distribution(v); return d && d.labels.map((l, i) => `${l}=${d.values[i]}`).join(' '); })));
        """);
    assertThat((List<Object>) charted)
        .containsExactly(
            "01=0.5 11=0.5", // integers, as bitstrings as wide as the largest
            "0=1",
            "00=10 11=5", // hex
            "00=510 11=514", // counts of bitstrings, sorted
            "1010=0.5 1011=0.5", // decimal integers, since the values are not counts
            "00=1.1 10=-0.1", // quasi-probabilities may be negative
            null,
            null,
            null,
            null,
            null);
  }

  @Test
  void the_list_filters_by_status_and_function_and_pages_newest_first() {
    DashboardPage.Account user = page.newAccount();
    page.uploadScript(user, "ok", "exit 0\n");
    page.uploadScript(user, "fails", "echo 'bad input' >&2\nexit 3\n");
    String failed = gateway.run(user.token(), "fails", "{}");
    List<String> ok = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      ok.add(gateway.run(user.token(), "ok", "{}"));
    }
    gateway.awaitStatus(user.token(), failed, "FAILED");
    for (String id : ok) {
      gateway.awaitStatus(user.token(), id, "SUCCEEDED");
    }
    page.logIn(user);
    browser.await(10, textToBe(By.id("jobs-range"), "1–20 of 22"));
    assertThat(page.listedIds()).containsExactlyElementsOf(ok.reversed().subList(0, 20));
    browser.find("#jobs-next").click();
    browser.await(10, textToBe(By.id("jobs-range"), "21–22 of 22"));
    assertThat(page.listedIds()).containsExactly(ok.get(0), failed);
    assertThat(browser.find("#jobs-next").isEnabled()).isFalse();

    new Select(browser.find("#status-filter")).selectByVisibleText("ERROR");
    browser.await(10, textToBe(By.id("jobs-range"), "1–1 of 1"));
    assertThat(page.listedIds()).containsExactly(failed);
    new Select(browser.find("#status-filter")).selectByVisibleText("any status");
    browser.await(10, textToBe(By.id("jobs-range"), "1–20 of 22"));
    new Select(browser.find("#function-filter")).selectByVisibleText("fails");
    browser.await(10, textToBe(By.id("jobs-range"), "1–1 of 1"));
    assertThat(browser.find("tr[data-job-id='" + failed + "'] .badge").getText())
        .isEqualTo("ERROR");
    // Created, started, finished in the browser's zone to the second, and the run time, as the API
    // has them.
    JsonNode job = gateway.get("/api/v1/jobs/" + failed + "/", user.token()).json();
    DateTimeFormatter local =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    List<String> row = page.cells("tr[data-job-id='" + failed + "'] td");
    assertThat(row.subList(2, 6))
        .containsExactly(
            "fails",
            local.format(Instant.parse(job.get("created").asString())),
            local.format(Instant.parse(job.get("started").asString())),
            local.format(Instant.parse(job.get("finished").asString())));
    long ms =
        Instant.parse(job.get("finished").asString()).toEpochMilli()
            - Instant.parse(job.get("started").asString()).toEpochMilli();
    assertThat(row.get(6))
        .isEqualTo(ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0));

    browser.find("tr[data-job-id='" + failed + "'] a.job-link").click();
    browser.await(10, presenceOfElementLocated(By.id("errors")));
    assertThat(browser.find("#errors .reason").getText()).contains("exited with code 3");
    assertThat(browser.find("#errors").getText()).contains("bad input");
    JsonNode errors =
        gateway.get("/api/v1/jobs/" + failed + "/events/?type=ERROR", user.token()).json();
    assertThat(errors.size()).isPositive();
    for (JsonNode e : errors) {
      assertThat(browser.find("#errors").getText())
          .contains(
              e.get("data").get("exception").asString(), e.get("data").get("message").asString());
    }
    page.logOut();
  }
}
