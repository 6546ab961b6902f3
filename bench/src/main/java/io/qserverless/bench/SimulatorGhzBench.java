package io.qserverless.bench;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.primitives.QuasiDistribution;
import io.qserverless.quantum.primitives.Sampler;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * A GHZ state on 28 qubits (or the size given), measured and sampled exactly: checks that the
 * largest target size runs in one 4 GiB state plus small change, and reports time and peak heap.
 * Run: {@code BENCH_JAVA_OPTS=-Xmx10g ./qs bench SimulatorGhz [n]}.
 */
public final class SimulatorGhzBench {
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 28;
    QuantumCircuit qc = new QuantumCircuit(n);
    qc.h(0);
    for (int i = 0; i + 1 < n; i++) {
      qc.cx(i, i + 1);
    }
    qc.measureAll();
    long start = System.nanoTime();
    QuasiDistribution d = new Sampler().run(qc).result().quasiDists().get(0);
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        "GHZ on %d qubits (%d gates), exact Sampler: %.2f s, peak heap %.2f GiB (state %.2f GiB), max heap %.2f GiB%n",
        n,
        qc.size(),
        seconds,
        peak / (double) (1L << 30),
        (16.0 * (1L << n)) / (1L << 30),
        Runtime.getRuntime().maxMemory() / (double) (1L << 30));
    System.out.println("distribution: " + d);
  }
}
