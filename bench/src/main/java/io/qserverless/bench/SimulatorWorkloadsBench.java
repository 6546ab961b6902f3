package io.qserverless.bench;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.primitives.QuasiDistribution;
import io.qserverless.quantum.primitives.Sampler;
import io.qserverless.quantum.simulator.Precision;
import io.qserverless.quantum.simulator.Statevector;
import io.qserverless.quantum.simulator.internal.StateEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The simulator workloads of issue 15, each against the memory bandwidth measured in the same run.
 *
 * <ul>
 *   <li>W3: 24 qubits, 10 layers; layer l has U3(θ, φ, λ) on every qubit q with k = 24l + q, θ =
 *       fmod(0.7 + 1.3k, π), φ = fmod(0.3 + 2.1k, 2π), λ = fmod(1.1 + 0.9k, 2π), then CZ on (0,1),
 *       (2,3), … in even layers and (1,2), (3,4), … in odd ones: 240 U3 + 115 CZ, p(0…0) =
 *       8.93322724e-10.
 *   <li>W1: 100 Hadamards on 24 qubits, gate i on qubit i mod 24: p(0…0) = 1/16.
 *   <li>W4: 10,000 fresh 2-qubit states, H q0, CX q0→q1, RY(0.3) q1, exact probabilities, through
 *       Statevector and through Sampler (plus measure_all), then the Sampler on two workers.
 * </ul>
 *
 * <p>For W1 and W3: time, passes over the state, time per pass, and the time of one in-place
 * read+write pass over an array as large as the state (the bandwidth bound of a pass), alternated
 * with the runs so both see the same load; medians of three sets. {@code unfused} adds the
 * gate-by-gate simulator once for comparison, {@code single} the float32 option. Threads: {@code
 * -Dqserverless.simulator.threads=N}. Run: {@code BENCH_JAVA_OPTS="-Xmx4g
 * -Dqserverless.simulator.threads=1" ./qs bench SimulatorWorkloads [W1] [W3] [W4] [unfused]
 * [single]}.
 */
public final class SimulatorWorkloadsBench {
  private static final int SETS = 3;
  private static final int THREADS =
      Integer.getInteger(
          "qserverless.simulator.threads", Runtime.getRuntime().availableProcessors());

  public static void main(String[] args) throws Exception {
    List<String> which = args.length == 0 ? List.of("W1", "W3", "W4") : List.of(args);
    System.out.printf(
        "simulator threads %d; load average %s%n",
        THREADS, Files.readString(Path.of("/proc/loadavg")).trim());
    if (which.contains("W1")) {
      big("W1", w1(), 1.0 / 16, which);
    }
    if (which.contains("W3")) {
      big("W3", w3(), 8.93322724e-10, which);
    }
    if (which.contains("W4")) {
      w4();
    }
    System.out.printf(
        "load average at the end %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
  }

  static QuantumCircuit w1() {
    QuantumCircuit qc = new QuantumCircuit(24);
    for (int i = 0; i < 100; i++) {
      qc.h(i % 24);
    }
    return qc;
  }

  static QuantumCircuit w3() {
    QuantumCircuit qc = new QuantumCircuit(24);
    for (int l = 0; l < 10; l++) {
      for (int q = 0; q < 24; q++) {
        int k = 24 * l + q;
        qc.u3(
            (0.7 + 1.3 * k) % Math.PI,
            (0.3 + 2.1 * k) % (2 * Math.PI),
            (1.1 + 0.9 * k) % (2 * Math.PI),
            q);
      }
      for (int q = l % 2; q + 1 < 24; q += 2) {
        qc.cz(q, q + 1);
      }
    }
    return qc;
  }

  private static void big(String name, QuantumCircuit qc, double p0, List<String> options) {
    double[] times = new double[SETS];
    double[] bandwidth = new double[SETS];
    long passes = 0;
    double[] array = new double[2 << qc.numQubits()];
    double[] cpu = new double[SETS];
    for (int set = 0; set < SETS; set++) {
      long start = System.nanoTime();
      long cpuStart = processCpu();
      StateEngine e = run(new StateEngine(qc.numQubits()), qc);
      times[set] = (System.nanoTime() - start) / 1e9;
      cpu[set] = (processCpu() - cpuStart) / 1e9;
      passes = e.passes();
      check(name, e, p0);
      bandwidth[set] = readWritePass(array);
    }
    double t = median(times), pass = median(bandwidth);
    // on a loaded machine wall time includes waiting for a core; process CPU time does not
    System.out.printf(
        "%s: %.3f s (sets %s; process CPU %.3f s), %d passes, %.1f ms per pass; in-place read+write pass %.1f ms "
            + "(%.1f GB/s): %.2f bandwidth passes of time%n",
        name,
        t,
        Arrays.toString(round(times)),
        median(cpu),
        passes,
        1e3 * t / passes,
        1e3 * pass,
        2 * 8.0 * array.length / pass / 1e9,
        t / pass);
    if (options.contains("single")) {
      double[] single = new double[SETS];
      double[] singleCpu = new double[SETS];
      for (int set = 0; set < SETS; set++) {
        long start = System.nanoTime();
        long cpuStart = processCpu();
        StateEngine e = run(new StateEngine(qc.numQubits(), Precision.SINGLE), qc);
        single[set] = (System.nanoTime() - start) / 1e9;
        singleCpu[set] = (processCpu() - cpuStart) / 1e9;
        check(name, e, p0, 1e-5);
      }
      System.out.printf(
          "%s in single precision (float32): %.3f s (sets %s; process CPU %.3f s): %.2fx the double time%n",
          name,
          median(single),
          Arrays.toString(round(single)),
          median(singleCpu),
          median(single) / t);
    }
    if (options.contains("unfused")) {
      long start = System.nanoTime();
      long cpuStart = processCpu();
      StateEngine e = run(new StateEngine(qc.numQubits(), 0), qc);
      double u = (System.nanoTime() - start) / 1e9;
      double uCpu = (processCpu() - cpuStart) / 1e9;
      check(name, e, p0);
      System.out.printf(
          "%s unfused (gate by gate): %.3f s (process CPU %.3f s), %d passes, %.1f ms per pass: "
              + "sweeps are %.2fx faster (%.2fx in CPU)%n",
          name, u, uCpu, e.passes(), 1e3 * u / e.passes(), u / t, uCpu / median(cpu));
    }
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static StateEngine run(StateEngine e, QuantumCircuit qc) {
    int[] identity = IntStream.range(0, qc.numQubits()).toArray();
    e.applyCircuit(qc, identity);
    e.amplitudes();
    return e;
  }

  private static void check(String name, StateEngine e, double p0) {
    check(name, e, p0, 1e-9);
  }

  private static void check(String name, StateEngine e, double p0, double relative) {
    e.settle();
    double p = e.probability(0);
    if (Math.abs(p - p0) > relative * p0) {
      throw new AssertionError(name + ": p(0...0) = " + p + ", expected " + p0);
    }
  }

  /** Seconds of one in-place pass a[i] = a[i] * c over the array, on the simulator's threads. */
  private static double readWritePass(double[] a) {
    int chunks = 64;
    Runnable pass =
        () ->
            IntStream.range(0, chunks)
                .parallel()
                .forEach(
                    c -> {
                      int lo = (int) ((long) a.length * c / chunks),
                          hi = (int) ((long) a.length * (c + 1) / chunks);
                      for (int i = lo; i < hi; i++) {
                        a[i] *= 1.0000001;
                      }
                    });
    double best = Double.MAX_VALUE;
    try (ForkJoinPool pool = new ForkJoinPool(THREADS)) {
      for (int r = 0; r < 3; r++) {
        long start = System.nanoTime();
        pool.submit(pass).join();
        best = Math.min(best, (System.nanoTime() - start) / 1e9);
      }
    }
    return best;
  }

  /** W4 through Statevector and through Sampler (with measure_all), then Sampler on two workers. */
  private static void w4() throws InterruptedException {
    double c = Math.cos(0.15), s = Math.sin(0.15);
    double[] expected = {c * c / 2, s * s / 2, s * s / 2, c * c / 2};
    double[] p = Statevector.fromCircuit(w4Circuit(false)).probabilities();
    QuasiDistribution q = new Sampler().run(w4Circuit(true)).result().quasiDists().get(0);
    for (int i = 0; i < 4; i++) {
      if (Math.abs(p[i] - expected[i]) > 1e-14 || Math.abs(q.get(i) - expected[i]) > 1e-14) {
        throw new AssertionError(
            "W4 probabilities "
                + Arrays.toString(p)
                + " / "
                + q
                + ", expected "
                + Arrays.toString(expected));
      }
    }
    Runnable statevector = () -> Statevector.fromCircuit(w4Circuit(false)).probabilities();
    Runnable sampler = () -> new Sampler().run(w4Circuit(true)).result().quasiDists().get(0);
    for (var entry :
        List.of(Map.entry("Statevector", statevector), Map.entry("Sampler", sampler))) {
      double[][] t = perCircuit(entry.getValue(), 1);
      System.out.printf(
          "W4 through %s: %.2f us per circuit wall, %.2f us thread CPU (medians of %d sets of %,d, "
              + "building each circuit included)%n",
          entry.getKey(), median(t[0]), median(t[1]), SETS, W4_CIRCUITS);
    }
    double[][] one = perCircuit(sampler, 1), two = perCircuit(sampler, 2);
    // CPU per circuit staying flat with a second worker means nothing is shared; wall time shows
    // the scaling only when a second core is free
    System.out.printf(
        "W4 Sampler on 2 workers: %.2f us per circuit wall, %.2f us CPU (1 worker: %.2f wall, %.2f CPU): "
            + "%.2fx the throughput of one worker (2.00 = perfect)%n",
        median(two[0]),
        median(two[1]),
        median(one[0]),
        median(one[1]),
        median(one[0]) / median(two[0]));
  }

  private static final int W4_CIRCUITS = 10_000;

  private static QuantumCircuit w4Circuit(boolean measured) {
    QuantumCircuit qc = new QuantumCircuit(2);
    qc.h(0).cx(0, 1).ry(0.3, 1);
    return measured ? qc.measureAll() : qc;
  }

  /**
   * Per circuit over {@link #SETS} sets of W4_CIRCUITS circuits each split over {@code workers}
   * threads, after ten warm-up sets (with two, the JIT, starved on a loaded machine, had not
   * compiled the Sampler path yet: 2.2 µs CPU instead of 1.1): [0] wall microseconds, [1] CPU
   * microseconds of the workers.
   */
  private static double[][] perCircuit(Runnable one, int workers) throws InterruptedException {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[][] out = new double[2][SETS];
    for (int set = -10; set < SETS; set++) {
      long[] cpu = new long[workers];
      Thread[] threads = new Thread[workers];
      for (int w = 0; w < workers; w++) {
        int worker = w;
        threads[w] =
            new Thread(
                () -> {
                  long start = mx.getCurrentThreadCpuTime();
                  for (int i = 0; i < W4_CIRCUITS / workers; i++) {
                    one.run();
                  }
                  cpu[worker] = mx.getCurrentThreadCpuTime() - start;
                });
      }
      long start = System.nanoTime();
      for (Thread t : threads) {
        t.start();
      }
      for (Thread t : threads) {
        t.join();
      }
      if (set >= 0) {
        out[0][set] = (System.nanoTime() - start) / 1e3 / W4_CIRCUITS;
        out[1][set] = Arrays.stream(cpu).sum() / 1e3 / W4_CIRCUITS;
      }
    }
    return out;
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }

  private static double[] round(double[] v) {
    return Arrays.stream(v).map(x -> Math.round(x * 1000) / 1000.0).toArray();
  }
}
