package io.qserverless.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.client.GatewayException;
import io.qserverless.client.Job;
import io.qserverless.client.QiskitFunction;
import io.qserverless.client.ServerlessClient;
import io.qserverless.gateway.Gateway;
import io.qserverless.gateway.config.GatewayConfig;
import io.qserverless.gateway.dependency.DependencySettings;
import io.qserverless.gateway.dependency.TestRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code QiskitFunction.withDependencies} and {@code qs upload --dependency} against a real gateway
 * and Maven repository.
 */
@Timeout(120)
class DependenciesTest {
  static final String MAIN =
      """
      import io.qserverless.runtime.Serverless;
      import java.util.Map;
      public class Main {
        public static void main(String[] args) {
          Serverless.saveResult(Map.of("greeting", com.example.greeting.Greeter.greet("world")));
        }
      }
      """;
  @TempDir static Path dir;
  static TestRepository repo;
  static Gateway gateway;
  static ServerlessClient client;
  static Path program;

  @BeforeAll
  static void start() throws Exception {
    repo = TestRepository.start();
    repo.publishGreeting();
    gateway =
        Gateway.start(
            GatewayConfig.builder(Files.createDirectories(dir.resolve("gateway")))
                .jvmCaches(false)
                .port(0)
                .dependencies(
                    DependencySettings.defaults()
                        .withRepositories(List.of(repo.url()))
                        .withAllowlist(List.of("com.example")))
                .build());
    client = ServerlessClient.connect(gateway.url(), gateway.initialToken());
    program = Files.createDirectories(dir.resolve("program"));
    Files.writeString(program.resolve("Main.java"), MAIN);
  }

  @AfterAll
  static void stop() {
    gateway.close();
    repo.close();
  }

  @Test
  void the_sdk_uploads_a_function_with_dependencies_and_its_job_uses_them() {
    QiskitFunction fn =
        client.upload(
            QiskitFunction.of("greeter", "Main.java", program)
                .withDependencies(List.of("com.example:greeting:1.0")));
    assertThat(fn.dependencies()).containsExactly("com.example:greeting:1.0");
    Job job = fn.run(Map.of());
    assertThat(job.result(Duration.ofSeconds(60))).isEqualTo(Map.of("greeting", "hello, world"));
    assertThat(client.dependenciesVersions()).containsExactly("com.example");
  }

  @Test
  void the_sdk_gets_the_gateways_refusal_naming_the_coordinate_and_the_rule() {
    assertThatThrownBy(
            () ->
                client.upload(
                    QiskitFunction.of("refused", "Main.java", program)
                        .withDependencies(List.of("org.other:lib:1.0"))))
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("org.other:lib:1.0 is not on this gateway's allowlist [com.example]")
        .satisfies(e -> assertThat(((GatewayException) e).status()).isEqualTo(400));
  }

  @Test
  void qs_upload_passes_each_dependency_option_to_the_gateway() {
    StringWriter err = new StringWriter();
    assertThat(
            qs(
                err,
                "upload",
                program.toString(),
                "--title",
                "greeter-cli",
                "--entrypoint",
                "Main.java",
                "--dependency",
                "com.example:greeting:1.0"))
        .as(err.toString())
        .isZero();
    assertThat(client.function("greeter-cli").run(Map.of()).result(Duration.ofSeconds(60)))
        .isEqualTo(Map.of("greeting", "hello, world"));
    assertThat(
            qs(
                err,
                "upload",
                program.toString(),
                "--title",
                "cli-refused",
                "--entrypoint",
                "Main.java",
                "--dependency",
                "com.example:greeting:1.0",
                "--dependency",
                "org.other:lib:1.0"))
        .isNotZero();
    assertThat(err.toString()).contains("org.other:lib:1.0 is not on this gateway's allowlist");
  }

  private static int qs(StringWriter err, String... args) {
    CommandLine cmd = Qs.commandLine();
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    cmd.setErr(new PrintWriter(err, true));
    String[] all =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(args),
                java.util.stream.Stream.of(
                    "--host", gateway.url(), "--token", gateway.initialToken()))
            .toArray(String[]::new);
    return cmd.execute(all);
  }
}
