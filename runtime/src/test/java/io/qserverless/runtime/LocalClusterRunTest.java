package io.qserverless.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.qserverless.protocol.value.Values;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A program run with plain {@code java} and {@code QS_WORKERS=2} starts two local worker JVMs and
 * ends them.
 */
@Timeout(120)
class LocalClusterRunTest {

  @Test
  void tasks_run_in_two_worker_jvms_whose_lines_are_prefixed_and_which_end_with_the_program()
      throws Exception {
    Process driver = start("{}");
    List<String> out = lines(driver);
    assertThat(driver.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(driver.exitValue()).as(String.join("\n", out)).isZero();

    Map<?, ?> result = (Map<?, ?>) Values.fromJson(out.getLast());
    List<String> tasks = ((List<?>) result.get("tasks")).stream().map(String::valueOf).toList();
    assertThat(tasks).hasSize(6);
    assertThat(tasks.stream().map(t -> t.split(" ")[0]).distinct())
        .as("two JVMs, neither the driver")
        .hasSize(2)
        .doesNotContain((String) result.get("driver"));
    assertThat(out)
        .filteredOn(l -> l.contains("task in pid"))
        .hasSize(6)
        .allMatch(l -> l.matches("\\[worker-[12]] task in pid \\d+"));
    for (String t : tasks) {
      long pid = Long.parseLong(t.split(" ")[1]);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }
  }

  @Test
  void killing_the_program_with_sigkill_ends_its_workers() throws Exception {
    Process driver = start("{\"block_seconds\": 120}");
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8));
    List<Long> workerPids = new ArrayList<>();
    while (workerPids.size() < 2) {
      String line = reader.readLine();
      assertThat(line).as("the program's output ended before both workers ran a task").isNotNull();
      if (line.contains("task in pid")) {
        workerPids.add(Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)));
      }
    }
    driver.toHandle().destroyForcibly();

    for (long pid : workerPids) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }
  }

  private static Process start(String arguments) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dqs.arguments=" + arguments,
                JvmIdsProgram.class.getName())
            .redirectErrorStream(true);
    pb.environment().put("QS_WORKERS", "2");
    pb.environment().put("QS_JOB_CPU", "0");
    return pb.start();
  }

  private static List<String> lines(Process p) throws Exception {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      return r.lines().toList();
    }
  }
}
