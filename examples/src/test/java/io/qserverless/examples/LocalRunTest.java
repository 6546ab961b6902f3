package io.qserverless.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A program runs with plain {@code java}, no gateway: arguments from a property, result on stdout.
 */
@Timeout(60)
class LocalRunTest {

  @Test
  void a_program_runs_outside_the_gateway_with_arguments_given_and_the_result_printed()
      throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "-Dqs.arguments={\"stage_millis\": 0}",
                    "io.qserverless.examples.programs.DetailedStatuses"))
            .redirectErrorStream(false)
            .start();
    assertThat(p.waitFor(50, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.exitValue()).as(err).isZero();
    assertThat(out.strip())
        .startsWith("{\"stages\":[\"RUNNING: MAPPING\"")
        .endsWith("\"RUNNING: POST_PROCESSING\"]}");
    assertThat(err).contains("status: RUNNING: MAPPING", "status: RUNNING: WAITING_FOR_QPU");
  }
}
