package io.qserverless.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;

import io.qserverless.gateway.GatewayHarness;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * What the dashboard tests do through the page and the API: accounts, shell-script functions,
 * logging in and out, and reading what the page shows (charts, timeline, list rows, cells).
 */
final class DashboardPage {
  /** Markup that runs script if a page ever renders it as HTML; each marks the page as attacked. */
  static final String ATTACK =
      "<script>document.title='attacked'</script><img src=x onerror=\"document.title='attacked'\">";

  private final Browser browser;
  private final GatewayHarness gateway;

  record Account(String username, String password, String token) {}

  DashboardPage(Browser browser, GatewayHarness gateway) {
    this.browser = browser;
    this.gateway = gateway;
  }

  Account newAccount() {
    String name = "d" + UUID.randomUUID().toString().substring(0, 8);
    String password = "pass-" + UUID.randomUUID();
    assertThat(
            gateway
                .post(
                    "/api/v1/users/",
                    gateway.token(),
                    Map.of("username", name, "password", password))
                .status())
        .isEqualTo(200);
    String token =
        gateway
            .post("/api/v1/auth/login/", null, Map.of("username", name, "password", password))
            .json()
            .get("token")
            .asString();
    return new Account(name, password, token);
  }

  void uploadScript(Account user, String title, String script) {
    byte[] tar =
        GatewayHarness.tar(
            Map.of("run.sh", ("#!/bin/sh\n" + script).getBytes(StandardCharsets.UTF_8)));
    assertThat(gateway.upload(user.token(), title, "run.sh", tar).status()).isEqualTo(200);
  }

  void logIn(Account user) {
    browser.driver().get(gateway.url() + "/");
    js("sessionStorage.clear()"); // a test that failed before its log-out leaves no session behind
    browser.driver().navigate().refresh();
    browser.await(10, presenceOfElementLocated(By.id("login-username"))).sendKeys(user.username());
    browser.find("#login-password").sendKeys(user.password());
    browser.find("#login-submit").click();
    browser.await(10, textToBe(By.id("username"), user.username()));
    assertThat(browser.driver().getCurrentUrl()).doesNotContain(user.token());
  }

  void logOut() {
    browser.find("#logout").click();
    browser.await(10, presenceOfElementLocated(By.id("login-username")));
  }

  /** The bars of the chart at JSON path {@code path}: label to the exact value, in drawn order. */
  Map<String, Double> bars(String path) {
    Map<String, Double> bars = new LinkedHashMap<>();
    for (WebElement g :
        browser.driver().findElements(By.cssSelector("figure[data-path='" + path + "'] g.bar"))) {
      bars.put(g.getAttribute("data-label"), Double.parseDouble(g.getAttribute("data-value")));
    }
    return bars;
  }

  /** The chart at {@code path} has these bars (label, value, label, value...) in this order. */
  void assertBars(String path, Object... expected) {
    Map<String, Double> shown = bars(path);
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < expected.length; i += 2) {
      labels.add((String) expected[i]);
      assertThat(shown.get((String) expected[i]))
          .as("bar %s of %s", expected[i], path)
          .isCloseTo((Double) expected[i + 1], within(1e-9));
    }
    assertThat(shown.keySet()).as("bars of %s", path).containsExactlyElementsOf(labels);
  }

  List<String> timeline() {
    return browser.driver().findElements(By.cssSelector("#timeline .step")).stream()
        .map(WebElement::getText)
        .toList();
  }

  List<String> listedIds() {
    return browser.driver().findElements(By.cssSelector("#jobs tr[data-job-id]")).stream()
        .map(r -> r.getAttribute("data-job-id"))
        .toList();
  }

  List<String> cells(String css) {
    return browser.driver().findElements(By.cssSelector(css)).stream()
        .map(WebElement::getText)
        .toList();
  }

  Object js(String script) {
    return ((JavascriptExecutor) browser.driver()).executeScript(script);
  }
}
