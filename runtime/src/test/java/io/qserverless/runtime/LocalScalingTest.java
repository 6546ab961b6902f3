package io.qserverless.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.qserverless.protocol.value.Values;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A plain-java run that auto-scales between {@code QS_MIN_WORKERS=1} and {@code QS_MAX_WORKERS=2}:
 * it adds a worker while tasks wait, removes the idle one above the minimum, and adds again.
 */
@Timeout(120)
class LocalScalingTest {

  @Test
  void the_cluster_grows_to_max_while_tasks_wait_and_shrinks_to_min_when_idle() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path meet = Files.createTempDirectory("qs-scaling");
    ProcessBuilder pb =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dqs.arguments={\"pause_ms\": 3000, \"meet\": \"" + meet + "\"}",
                ScalingProgram.class.getName())
            .redirectErrorStream(true);
    pb.environment()
        .putAll(
            Map.of(
                "QS_WORKERS", "1",
                "QS_MIN_WORKERS", "1",
                "QS_MAX_WORKERS", "2",
                "QS_WORKER_IDLE_SECONDS", "1",
                "QS_JOB_CPU", "0"));
    Process driver = pb.start();
    List<String> out;
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8))) {
      out = r.lines().toList();
    }
    assertThat(driver.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String log = String.join("\n", out);
    assertThat(driver.exitValue()).as(log).isZero();

    Map<?, ?> result = (Map<?, ?>) Values.fromJson(out.getLast());
    List<?> rounds = (List<?>) result.get("rounds");
    Set<Object> first = new HashSet<>((List<?>) rounds.get(0));
    Set<Object> second = new HashSet<>((List<?>) rounds.get(1));
    assertThat(first).as(log).hasSize(2).doesNotContain(result.get("driver"));
    assertThat(second).as(log).hasSize(2).doesNotContain(result.get("driver"));
    assertThat(first).as("one worker stayed (min 1), one is new").containsAnyOf(second.toArray());
    assertThat(first).isNotEqualTo(second);

    assertThat(out)
        .as(log)
        .filteredOn(l -> l.startsWith("cluster: added worker-"))
        .hasSize(2)
        .allMatch(l -> l.contains("tasks wait and fit no free member"));
    assertThat(out)
        .filteredOn(l -> l.matches("cluster: worker-\\d joined .*"))
        .hasSize(3)
        .anyMatch(
            l -> l.startsWith("cluster: worker-1 joined") && l.endsWith("started with the job"));
    List<String> idleLeft =
        out.stream().filter(l -> l.matches("cluster: worker-\\d left .*: idle .*")).toList();
    assertThat(idleLeft)
        .as("one of the two removed in the pause (min 1), before the second round")
        .hasSize(1);
    assertThat(out.indexOf(idleLeft.getFirst()))
        .isBetween(out.indexOf("round 0 done"), out.indexOf("round 1 done"));
  }
}
