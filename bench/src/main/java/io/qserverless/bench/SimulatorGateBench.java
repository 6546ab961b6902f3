package io.qserverless.bench;

import io.qserverless.quantum.circuit.StandardGate;
import io.qserverless.quantum.simulator.internal.StateEngine;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Single-qubit gate time against the memory-bandwidth bound, on 24 and 26 qubits (or the sizes
 * given as arguments).
 *
 * <p>A gate on an n-qubit state reads and writes all 2^n amplitudes (16 bytes each), as a copy of
 * an equally large array does; so the bound is the time of that copy, measured in the same run
 * (best of serial {@code System.arraycopy} and a parallel chunked copy). Reports best and median
 * of several repetitions, and the ratio gate / copy (goal ≤ 1.5). Run: {@code ./qs bench SimulatorGate [n...]}.
 */
public final class SimulatorGateBench {
  private static final int REPS = 7;

  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {24, 26} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    System.out.printf("threads: %d (common pool %d + caller)%n", Runtime.getRuntime().availableProcessors(),
        java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());
    for (int n : sizes) {
      run(n);
    }
  }

  private static void run(int n) {
    StateEngine engine = new StateEngine(n);
    double[] state = engine.amplitudes();
    double[] copy = new double[state.length];
    double mib = state.length * 8.0 / (1 << 20);
    double serialCopy = best(() -> System.arraycopy(state, 0, copy, 0, state.length));
    double parallelCopy = best(() -> parallelCopy(state, copy));
    double bound = Math.min(serialCopy, parallelCopy);
    System.out.printf("%n%d qubits, state %.0f MiB: copy serial %.1f ms (%.1f GB/s), parallel %.1f ms (%.1f GB/s)%n",
        n, mib, serialCopy, 2 * mib * 1.048576 / serialCopy, parallelCopy, 2 * mib * 1.048576 / parallelCopy);
    for (String gate : new String[] {"h", "rz", "x", "cx"}) {
      for (int q : new int[] {0, n / 2, n - 1}) {
        double[] times = times(() -> {
          switch (gate) {
            case "h" -> engine.apply(StandardGate.H.gate(), new int[] {q});
            case "rz" -> engine.apply(StandardGate.RZ.gate(0.3), new int[] {q});
            case "x" -> engine.apply(StandardGate.X.gate(), new int[] {q});
            default -> engine.apply(StandardGate.CX.gate(), new int[] {q, q == 0 ? n - 1 : 0});
          }
          engine.amplitudes(); // applies the fused gate now
        });
        System.out.printf("  %-2s on qubit %2d: best %7.1f ms, median %7.1f ms, best/copy = %.2f%n",
            gate, q, times[0], times[REPS / 2], times[0] / bound);
      }
    }
  }

  private static void parallelCopy(double[] from, double[] to) {
    int chunks = 16;
    IntStream.range(0, chunks).parallel().forEach(c -> {
      int lo = (int) ((long) from.length * c / chunks), hi = (int) ((long) from.length * (c + 1) / chunks);
      System.arraycopy(from, lo, to, lo, hi - lo);
    });
  }

  private static double best(Runnable r) {
    return times(r)[0];
  }

  /** Sorted times in ms after two warm-up runs. */
  private static double[] times(Runnable r) {
    r.run();
    r.run();
    double[] t = new double[REPS];
    for (int i = 0; i < REPS; i++) {
      long start = System.nanoTime();
      r.run();
      t[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(t);
    return t;
  }
}
