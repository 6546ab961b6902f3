package io.qserverless.gateway.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.qserverless.gateway.config.GatewayConfig;
import io.qserverless.gateway.program.Launch;
import io.qserverless.gateway.sandbox.JobUsers;
import io.qserverless.gateway.sandbox.Sandbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The held start that closes the double-run window: a run's program begins only once released, and
 * a gateway that dies before releasing leaves a run that never starts it and says so.
 */
class ProcessRunnerTest {
  // The program leaves a file in DATA_PATH, so a test can tell whether it ever ran.
  private static final String PROGRAM = "#!/bin/sh\ntouch \"$DATA_PATH/ran\"\n";

  @TempDir Path dir;

  @Test
  void a_released_run_runs_its_program_and_records_its_exit_code() throws Exception {
    ProcessRunner runner = runner(dir);
    Run run = runner.start(spec(dir, "j1", 1));
    run.release();
    run.exited().get(30, TimeUnit.SECONDS);
    assertThat(dir.resolve("data/ran")).exists();
    assertThat(runner.files("j1").readExitCode()).isZero();
    assertThat(runner.files("j1").notStarted(1)).doesNotExist();
  }

  @Test
  void a_run_stopped_before_its_release_never_starts_its_program() throws Exception {
    ProcessRunner runner = runner(dir);
    Run run = runner.start(spec(dir, "j2", 1));
    runner.stop("j2");
    run.exited().get(30, TimeUnit.SECONDS);
    assertThat(dir.resolve("data/ran")).doesNotExist();
    assertThat(runner.files("j2").readExitCode()).isNull();
  }

  @Test
  void a_gateway_that_dies_before_releasing_a_run_leaves_a_run_that_never_starts_its_program()
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process gateway =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                HeldThenDead.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    long wrapper;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(gateway.getInputStream()))) {
      wrapper = Long.parseLong(out.readLine().trim());
    }
    assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).isTrue();
    ProcessHandle.of(wrapper).ifPresent(h -> h.onExit().join());
    JobDirectory files = JobDirectory.of(dir.resolve("jobs"), "j3");
    assertThat(files.notStarted(7)).exists();
    assertThat(dir.resolve("data/ran")).doesNotExist();
    assertThat(files.readExitCode()).isNull();
  }

  /**
   * A stand-in gateway: starts a held run, prints its pid and dies at once (no release, no shutdown
   * hook).
   */
  public static final class HeldThenDead {
    public static void main(String[] args) throws IOException {
      Path dir = Path.of(args[0]);
      Run run = runner(dir).start(spec(dir, "j3", 7));
      System.out.println(run.handle().pid());
      System.out.flush();
      Runtime.getRuntime().halt(0);
    }
  }

  /**
   * A runner with the gateway's default caps, in the bubblewrap sandbox (which this machine must
   * have).
   */
  static ProcessRunner runner(Path dir) {
    Sandbox.Probe bwrap = Sandbox.bubblewrap(JobUsers.none());
    assertThat(bwrap.works()).as(bwrap.failure()).isTrue();
    return new ProcessRunner(
        dir.resolve("jobs"),
        GatewayConfig.builder(dir).stopGrace(Duration.ofSeconds(1)).build().limits(),
        bwrap.sandbox(),
        JobUsers.none());
  }

  static LaunchSpec spec(Path dir, String jobId, int attempt) throws IOException {
    Path app = Files.createDirectories(dir.resolve("artifact/app"));
    Path script = app.resolve("run.sh");
    Files.writeString(script, PROGRAM);
    script.toFile().setExecutable(true);
    Path data = Files.createDirectories(dir.resolve("data"));
    return new LaunchSpec(
        jobId,
        1,
        attempt,
        dir.resolve("artifact"),
        Launch.command(List.of("./run.sh")),
        Map.of(),
        "http://127.0.0.1:9",
        "token",
        data,
        new Allotment(1, 64L << 20),
        WorkerPlan.NONE);
  }
}
