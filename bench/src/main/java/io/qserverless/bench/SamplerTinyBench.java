package io.qserverless.bench;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.random.RandomCircuit;
import io.qserverless.quantum.primitives.QuasiDistribution;
import io.qserverless.quantum.primitives.Sampler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sampler cost per tiny circuit, the seed program's workload: {@code random_circuit(2, 2)} plus
 * {@code measure_all()}, exact {@code quasi_dists}. Goal: at most 20 µs per circuit.
 *
 * <p>Times {@code new Sampler().run(circuit).result().quasiDists().get(0)} over 1000 different
 * circuits, after a warm-up long enough for the JIT; prints best and median of the rounds.
 * Run: {@code ./qs bench SamplerTiny}.
 */
public final class SamplerTinyBench {
  public static void main(String[] args) {
    List<QuantumCircuit> circuits = new ArrayList<>();
    for (int seed = 0; seed < 1000; seed++) {
      QuantumCircuit qc = RandomCircuit.randomCircuit(2, 2, seed);
      qc.measureAll();
      circuits.add(qc);
    }
    double sink = 0;
    for (int warm = 0; warm < 100; warm++) {
      sink += round(circuits);
    }
    int rounds = 30;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] perCircuitMicros = new double[rounds];
    double[] cpuMicros = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      sink += round(circuits);
      cpuMicros[r] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / circuits.size();
      perCircuitMicros[r] = (System.nanoTime() - start) / 1e3 / circuits.size();
    }
    Arrays.sort(perCircuitMicros);
    Arrays.sort(cpuMicros);
    System.out.printf("Sampler exact quasi_dists of random_circuit(2,2)+measure_all, %d circuits x %d rounds%n",
        circuits.size(), rounds);
    System.out.printf("per circuit: best %.2f us, median %.2f us (goal <= 20 us: %.2fx of goal)%n",
        perCircuitMicros[0], perCircuitMicros[rounds / 2], perCircuitMicros[rounds / 2] / 20);
    // on a shared machine wall time includes waiting for a core; thread CPU time does not
    System.out.printf("thread CPU per circuit: best %.2f us, median %.2f us%n", cpuMicros[0], cpuMicros[rounds / 2]);
    System.out.println("example: " + new Sampler().run(circuits.get(0)).result().quasiDists().get(0)
        + (sink > 0 ? "" : " "));
  }

  private static double round(List<QuantumCircuit> circuits) {
    double sum = 0;
    for (QuantumCircuit qc : circuits) {
      QuasiDistribution d = new Sampler().run(qc).result().quasiDists().get(0);
      sum += d.size();
    }
    return sum;
  }
}
