package io.qserverless.quantum.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.simulator.Statevector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The simulator's own threads: no dependence on the common ForkJoin pool, a refused bad setting.
 */
class ParallelTest {

  /** Prints p(0...0) of a 17-qubit state built with parallel kernels (run in a child JVM). */
  public static void main(String[] args) {
    System.out.println(Statevector.fromCircuit(circuit()).probability(0));
  }

  private static QuantumCircuit circuit() {
    QuantumCircuit qc = new QuantumCircuit(17);
    for (int q = 0; q < 17; q++) {
      qc.ry(0.1 * (q + 1), q).cx(q, (q + 1) % 17).u3(0.2, 0.3 * q, 0.1, q);
    }
    return qc;
  }

  /** Runs {@link #main} in a child JVM with the given flags; its exit code and output. */
  private static Map.Entry<Integer, String> child(String... flags) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(List.of(flags));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ParallelTest.class.getName()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    boolean finished = p.waitFor(60, TimeUnit.SECONDS);
    if (!finished) {
      p.destroyForcibly();
    }
    assertThat(finished).as("the child JVM finished within 60 s").isTrue();
    return Map.entry(p.exitValue(), new String(p.getInputStream().readAllBytes()).trim());
  }

  @Test
  void a_common_pool_without_workers_does_not_hang_the_simulator() throws Exception {
    // the child JVM also lacks the vector module, so it runs the scalar kernels: same result
    var run =
        child(
            "-Djava.util.concurrent.ForkJoinPool.common.parallelism=0",
            "-D" + Parallel.THREADS_PROPERTY + "=2");
    assertThat(run.getKey()).as(run.getValue()).isZero();
    String out = run.getValue();
    double expected = Statevector.fromCircuit(circuit()).probability(0);
    assertThat(Double.parseDouble(out))
        .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-14));
  }

  @Test
  void a_jvm_started_with_a_bad_thread_setting_refuses_each_state_with_the_setting()
      throws Exception {
    var run = child("-D" + Parallel.THREADS_PROPERTY + "=zero");
    assertThat(run.getKey()).isNotZero();
    assertThat(run.getValue())
        .contains(
            "system property qserverless.simulator.threads=zero must be a thread count from 1 to 1024")
        .doesNotContain("NoClassDefFoundError", "ExceptionInInitializerError");
  }

  @Test
  void a_bad_thread_setting_is_refused_with_the_property_and_range() {
    assertThatThrownBy(() -> Parallel.threads("0"))
        .hasMessageContaining(Parallel.THREADS_PROPERTY + "=0")
        .hasMessageContaining("1 to 1024");
    assertThatThrownBy(() -> Parallel.threads("two")).hasMessageContaining("two");
    assertThat(Parallel.threads(" 3 ")).isEqualTo(3);
    assertThat(Parallel.threads(null)).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void a_failing_chunk_reaches_the_caller_and_leaves_no_helper_waiting() {
    assertThatThrownBy(
            () ->
                Parallel.forChunks(
                    1 << 16,
                    1 << 10,
                    (from, to) -> {
                      if (from == 1 << 14) {
                        throw new IllegalStateException("chunk " + from);
                      }
                    }))
        .hasMessage("chunk 16384");
    int[] sum = new int[1];
    Parallel.forChunks(
        8,
        1,
        (from, to) -> {
          synchronized (sum) {
            sum[0] += to - from;
          }
        });
    assertThat(sum[0]).isEqualTo(8);
  }
}
