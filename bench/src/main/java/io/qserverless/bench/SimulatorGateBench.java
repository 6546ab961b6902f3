package io.qserverless.bench;

import io.qserverless.quantum.circuit.StandardGate;
import io.qserverless.quantum.simulator.internal.StateEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Single-qubit gate time against the memory-bandwidth bound, on 24 and 26 qubits (or the sizes
 * given as arguments).
 *
 * <p>A gate on an n-qubit state reads and writes all 2^n amplitudes (16 bytes each), as a copy of
 * an equally large array does; so the bound is the time of that copy, measured in the same run
 * (best of serial {@code System.arraycopy} and a parallel chunked copy). Reports best and median of
 * several repetitions, and the ratio gate / copy (goal ≤ 1.5). Run: {@code ./qs bench SimulatorGate
 * [n...]}.
 */
public final class SimulatorGateBench {
  private static final int REPS = 7;

  public static void main(String[] args) throws IOException {
    int[] sizes =
        args.length == 0
            ? new int[] {24, 26}
            : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    System.out.printf(
        "simulator threads: %s (-Dqserverless.simulator.threads; default the %d processors); load"
            + " average %s%n",
        System.getProperty("qserverless.simulator.threads", "default"),
        Runtime.getRuntime().availableProcessors(),
        loadAverage());
    for (int n : sizes) {
      run(n);
    }
    System.out.printf("%nload average at the end %s%n", loadAverage());
  }

  /** Other processes' load decides how far apart gate and copy times can drift. */
  private static String loadAverage() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).trim();
  }

  private static void run(int n) {
    StateEngine engine = new StateEngine(n);
    double[] state = engine.amplitudes();
    double[] copy = new double[state.length];
    System.out.printf("%n%d qubits, state %.0f MiB%n", n, state.length * 8.0 / (1 << 20));
    for (String gate : new String[] {"h", "rz", "x", "cx"}) {
      for (int q : new int[] {0, n / 2, n - 1}) {
        Runnable apply =
            () -> {
              switch (gate) {
                case "h" -> engine.apply(StandardGate.H.gate(), new int[] {q});
                case "rz" -> engine.apply(StandardGate.RZ.gate(0.3), new int[] {q});
                case "x" -> engine.apply(StandardGate.X.gate(), new int[] {q});
                default -> engine.apply(StandardGate.CX.gate(), new int[] {q, q == 0 ? n - 1 : 0});
              }
              engine.amplitudes(); // applies the fused gate now
            };
        // gate and copy alternate so that both see the same load from other processes
        double[] gateTimes = new double[REPS];
        double[] copyTimes = new double[REPS];
        apply.run();
        parallelCopy(state, copy);
        for (int i = 0; i < REPS; i++) {
          gateTimes[i] = time(apply);
          copyTimes[i] =
              Math.min(
                  time(() -> parallelCopy(state, copy)),
                  time(() -> System.arraycopy(state, 0, copy, 0, state.length)));
        }
        Arrays.sort(gateTimes);
        Arrays.sort(copyTimes);
        System.out.printf(
            "  %-2s on qubit %2d: gate best %7.1f ms (median %7.1f), copy best %7.1f ms (%4.1f GB/s): gate/copy = %.2f%n",
            gate,
            q,
            gateTimes[0],
            gateTimes[REPS / 2],
            copyTimes[0],
            2 * state.length * 8.0 / copyTimes[0] / 1e6,
            gateTimes[0] / copyTimes[0]);
      }
    }
  }

  private static double time(Runnable r) {
    long start = System.nanoTime();
    r.run();
    return (System.nanoTime() - start) / 1e6;
  }

  private static void parallelCopy(double[] from, double[] to) {
    int chunks = 16;
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            c -> {
              int lo = (int) ((long) from.length * c / chunks),
                  hi = (int) ((long) from.length * (c + 1) / chunks);
              System.arraycopy(from, lo, to, lo, hi - lo);
            });
  }
}
