package io.qserverless.bench;

import io.qserverless.quantum.backends.Backend;
import io.qserverless.quantum.backends.Backends;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.random.RandomCircuit;
import io.qserverless.quantum.transpiler.PassManager;
import io.qserverless.quantum.transpiler.preset.PresetPassManagers;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Transpile time and quality per optimization level (goal: level 1 under 2 ms per 5-qubit depth-10
 * circuit on one core; the transpiler is single-threaded).
 *
 * <p>Scenario 1: 100 measured random 5-qubit depth-10 circuits ({@code RandomCircuit}, gates of up
 * to 4 qubits) on {@code fake_manila}; per level, the median over 5 timed rounds after warm-up,
 * with the average two-qubit gate count and depth of the output. Scenario 2: one measured random
 * 27-qubit depth-20 circuit on {@code fake_kolkata} (one-way ECR), best of 3 after warm-up.
 *
 * <p>Times are this thread's CPU time, so that other processes sharing the machine's cores do not
 * inflate them (the transpiler runs on the calling thread only); the wall-clock median is printed
 * beside it.
 *
 * <p>Usage: {@code ./qs bench Transpile}.
 */
public final class TranspileBench {
  private static final double GOAL_MS = 2.0;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private TranspileBench() {}

  public static void main(String[] args) {
    List<QuantumCircuit> small = new ArrayList<>();
    for (int seed = 0; seed < 100; seed++) {
      small.add(RandomCircuit.randomCircuit(5, 10, 4, true, false, false, seed));
    }
    System.out.println("100 random 5-qubit depth-10 circuits on fake_manila:");
    for (int level = 0; level <= 3; level++) {
      smallCorpus(level, Backends.get("fake_manila"), small);
    }
    System.out.println("same circuits on fake_kolkata (27 qubits, one-way ECR):");
    for (int level = 0; level <= 3; level++) {
      smallCorpus(level, Backends.get("fake_kolkata"), small);
    }
    QuantumCircuit wide = RandomCircuit.randomCircuit(27, 20, 4, true, false, false, 27);
    System.out.printf(
        "one random 27-qubit depth-20 circuit (%d ops) on fake_kolkata:%n", wide.size());
    for (int level = 0; level <= 3; level++) {
      PassManager pm = PresetPassManagers.generate(level, Backends.get("fake_kolkata"));
      for (int i = 0; i < 3; i++) {
        pm.run(wide);
      }
      double best = Double.MAX_VALUE;
      QuantumCircuit out = null;
      for (int i = 0; i < 3; i++) {
        long t = THREADS.getCurrentThreadCpuTime();
        out = pm.run(wide);
        best = Math.min(best, (THREADS.getCurrentThreadCpuTime() - t) / 1e6);
      }
      System.out.printf(
          "  level %d: %8.1f ms cpu   2q gates %5d   depth %5d%n",
          level, best, twoQubitGates(out), out.depth());
    }
  }

  private static void smallCorpus(int level, Backend backend, List<QuantumCircuit> circuits) {
    PassManager pm = PresetPassManagers.generate(level, backend);
    for (int warm = 0; warm < 20; warm++) {
      circuits.forEach(pm::run);
    }
    double[] cpu = new double[5];
    double[] wall = new double[5];
    long twoQubit = 0;
    long depth = 0;
    for (int r = 0; r < cpu.length; r++) {
      long c0 = THREADS.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      for (QuantumCircuit c : circuits) {
        QuantumCircuit out = pm.run(c);
        if (r == 0) {
          twoQubit += twoQubitGates(out);
          depth += out.depth();
        }
      }
      cpu[r] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6 / circuits.size();
      wall[r] = (System.nanoTime() - w0) / 1e6 / circuits.size();
    }
    Arrays.sort(cpu);
    Arrays.sort(wall);
    double median = cpu[cpu.length / 2];
    System.out.printf(
        "  level %d: %6.3f ms cpu/circuit (goal %.0f ms: %4.1fx; wall %6.3f)   avg 2q gates %6.2f"
            + "   avg depth %6.1f%n",
        level,
        median,
        GOAL_MS,
        GOAL_MS / median,
        wall[wall.length / 2],
        twoQubit / (double) circuits.size(),
        depth / (double) circuits.size());
  }

  private static long twoQubitGates(QuantumCircuit qc) {
    return qc.data().stream().filter(i -> i.qubits().length == 2).count();
  }
}
