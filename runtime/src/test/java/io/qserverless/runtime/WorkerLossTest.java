package io.qserverless.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.qserverless.runtime.cluster.ClusterMember;
import io.qserverless.runtime.cluster.ClusterSettings;
import io.qserverless.runtime.cluster.LocalWorkers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker JVM killed with SIGKILL while it runs tasks; the driver (this JVM) goes on with the
 * others.
 */
@Timeout(120)
class WorkerLossTest {
  private LocalWorkers workers;
  private ClusterMember driver;

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.close();
    }
    if (workers != null) {
      workers.close();
    }
  }

  @Test
  void a_killed_worker_fails_its_task_naming_it_and_a_retryable_task_runs_again_elsewhere(
      @TempDir Path dir) throws Exception {
    ClusterSettings settings = LocalWorkers.settings(3);
    workers = LocalWorkers.start(settings, new Resources(1, 0, 0));
    driver = ClusterMember.start(settings, new Resources(0, 0, 0), new ClusterLog(null, null));
    driver.awaitWorkers();
    ClusterTaskExecutor cluster = new ClusterTaskExecutor(driver);
    String plain = dir.resolve("plain").toString();
    String retried = dir.resolve("retried").toString();

    TaskRef<String> lost = cluster.submit(Resources.cpu(1), () -> blockOnce(plain));
    TaskRef<String> rerun =
        cluster.submit(Resources.cpu(1), Task.retryable(() -> blockOnce(retried)));
    long plainPid = pidWhenStarted(Path.of(plain));
    long retriedPid = pidWhenStarted(Path.of(retried));
    assertThat(plainPid).as("spread over two workers").isNotEqualTo(retriedPid);
    ProcessHandle.of(plainPid).orElseThrow().destroyForcibly();
    ProcessHandle.of(retriedPid).orElseThrow().destroyForcibly();

    assertThatThrownBy(() -> cluster.get(List.of(lost)))
        .isInstanceOf(TaskFailedException.class)
        .hasMessageMatching(
            "(?s)task 1 failed: .*task 1 was running on worker-\\d \\(\\[127\\.0\\.0\\.1\\]:\\d+\\), which"
                + " left the job's cluster.*Task\\.retryable.*")
        .cause()
        .isInstanceOf(WorkerLostException.class);
    assertThat(cluster.get(List.of(rerun)).getFirst())
        .isEqualTo("second run in " + survivor(plainPid, retriedPid));
    assertThat(
            cluster.get(
                List.of(
                    cluster.submit(
                        Resources.cpu(1), () -> "still " + ProcessHandle.current().pid()))))
        .containsExactly("still " + survivor(plainPid, retriedPid));
    assertThat(cluster.limit().cpu()).isEqualTo(1);
  }

  /**
   * First run: writes its pid to {@code marker} and blocks (until killed). A later run returns at
   * once.
   */
  private static String blockOnce(String marker) throws Exception {
    Path path = Path.of(marker);
    if (Files.exists(path)) {
      return "second run in " + ProcessHandle.current().pid();
    }
    Files.writeString(path, Long.toString(ProcessHandle.current().pid()));
    Thread.sleep(Duration.ofMinutes(2));
    return "not killed";
  }

  private static long pidWhenStarted(Path marker) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Files.exists(marker) && Files.size(marker) > 0);
    try {
      return Long.parseLong(Files.readString(marker));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long survivor(long... killed) {
    List<Long> gone = Arrays.stream(killed).boxed().toList();
    return workers.processes().stream()
        .mapToLong(ProcessHandle::pid)
        .filter(p -> !gone.contains(p))
        .findFirst()
        .orElseThrow();
  }
}
