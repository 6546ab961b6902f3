package io.qserverless.gateway.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The options of job JVMs: cluster members postpone C2, and this JDK takes every option. */
class JobCommandTest {
  @Test
  void cluster_members_raise_the_c2_thresholds_and_plain_jobs_keep_the_defaults() throws Exception {
    assertThat(JobCommand.jvmOptions(true))
        .contains("-XX:Tier4InvocationThreshold=50000", "-XX:Tier4BackEdgeThreshold=400000");
    assertThat(JobCommand.jvmOptions(false)).noneMatch(o -> o.startsWith("-XX:Tier4"));

    // A misspelled or unknown option would keep every JVM of that kind from starting.
    for (boolean cluster : new boolean[] {true, false}) {
      List<String> cmd =
          new ArrayList<>(
              List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      cmd.addAll(JobCommand.jvmOptions(cluster));
      cmd.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out)
          .containsPattern(
              "Tier4InvocationThreshold\\s+=\\s+" + (cluster ? "50000" : "5000") + "\\s");
    }
  }
}
