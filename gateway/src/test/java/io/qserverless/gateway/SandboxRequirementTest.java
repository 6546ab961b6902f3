package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.qserverless.gateway.auth.Accounts;
import io.qserverless.gateway.store.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Where no sandbox can be had (here: a gateway whose PATH has no bwrap), the gateway runs jobs of
 * one user only, unless the operator passes --no-sandbox.
 */
class SandboxRequirementTest {

  @Test
  void
      without_a_sandbox_the_gateway_admits_one_user_and_refuses_to_start_for_more_unless_no_sandbox()
          throws Exception {
    Path data = Files.createTempDirectory("qs-no-bwrap");
    int port = freePort();
    Child first = Child.start(data, port);
    try {
      assertThat(first.output())
          .anyMatch(l -> l.contains("one user only, jobs run WITHOUT a sandbox"));
      GatewayHarness gw = GatewayHarness.remote("http://127.0.0.1:" + port, first.token(), data);
      byte[] script = "#!/bin/sh\necho '{\"ran\": true}' > \"$RESULTS_PATH\"\n".getBytes();
      assertThat(
              gw.upload(
                      first.token(),
                      "script",
                      "run.sh",
                      GatewayHarness.tar(Map.of("run.sh", script)))
                  .status())
          .isEqualTo(200);
      String job = gw.run(first.token(), "script", "{}");
      assertThat(gw.awaitStatus(first.token(), job, "SUCCEEDED", "FAILED").get("status").asString())
          .isEqualTo("SUCCEEDED");
      GatewayHarness.Answer second =
          gw.post(
              "/api/v1/users/",
              first.token(),
              Map.of("username", "bob", "password", "secret-pass-1"));
      assertThat(second.status()).isEqualTo(403);
      assertThat(second.message())
          .contains("admits one user only")
          .contains("install bubblewrap")
          .contains("--no-sandbox");
    } finally {
      first.stop();
    }
    try (Database db = Database.open(null, "", "", data.resolve("db"))) {
      new Accounts(db).createUser("bob", "secret-pass-1", false);
    }
    Child refused = Child.start(data, port);
    assertThat(refused.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(refused.process().exitValue()).isNotZero();
    assertThat(String.join("\n", refused.output()))
        .contains("refuses to start: its database has 2 users")
        .contains(
            "install bubblewrap (apt-get install bubblewrap) or start the gateway with --no-sandbox");
    Child open = Child.start(data, port, "-Dqs.noSandbox=true");
    try {
      assertThat(open.token()).isNotNull();
      assertThat(open.output())
          .anyMatch(l -> l.contains("--no-sandbox: jobs run WITHOUT a sandbox"));
    } finally {
      open.stop();
    }
  }

  /** A gateway JVM whose PATH holds no bwrap. */
  private record Child(Process process, List<String> output, String token) {
    static Child start(Path data, int port, String... jvmOptions) throws IOException {
      List<String> cmd =
          new ArrayList<>(
              List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      cmd.addAll(List.of(jvmOptions));
      cmd.addAll(
          List.of(
              "-cp",
              System.getProperty("java.class.path"),
              GatewayChild.class.getName(),
              data.toString(),
              Integer.toString(port)));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      pb.environment().put("PATH", Files.createTempDirectory("qs-empty-path").toString());
      Process p = pb.start();
      List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
      for (String line; (line = out.readLine()) != null; ) {
        lines.add(line);
        if (line.startsWith("READY ")) {
          Thread.ofVirtual().start(() -> out.lines().forEach(lines::add));
          return new Child(p, lines, line.substring(6));
        }
      }
      return new Child(p, lines, null);
    }

    void stop() throws InterruptedException {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
