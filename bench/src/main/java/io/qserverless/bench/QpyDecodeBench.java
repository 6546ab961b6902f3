package io.qserverless.bench;

import io.qserverless.protocol.circuit.CircuitJson;
import io.qserverless.protocol.qpy.Qpy;
import io.qserverless.protocol.value.Values;
import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.StandardGate;
import io.qserverless.quantum.circuit.random.RandomCircuit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * How long a job spends reading the circuits the Python client sends: QPY decode of a 100-qubit,
 * 10,000-gate circuit (goal: at most 5 ms) and of 1,000 seed-size circuits ({@code
 * random_circuit(2, 2)} plus {@code measure_all()}), as bare QPY and as the whole argument envelope
 * (JSON, base64, zlib, QPY). The project's circuit JSON decode of the same circuits is measured in
 * the same run for comparison. Prints best and median of the rounds after a warm-up. Run: {@code
 * ./qs bench QpyDecode}.
 */
public final class QpyDecodeBench {
  private static final int ROUNDS = 30;

  public static void main(String[] args) throws Exception {
    System.out.println(
        "machine: " + cpuModel() + ", load " + Files.readString(Path.of("/proc/loadavg")).strip());
    QuantumCircuit big = bigCircuit();
    byte[] bigQpy = Qpy.dump(List.of(big), 16);
    String bigArgs = Values.toJson(java.util.Map.of("circuit", big));
    String bigJson = CircuitJson.toJson(big);
    List<byte[]> small = new ArrayList<>();
    List<String> smallJson = new ArrayList<>();
    for (int seed = 0; seed < 1000; seed++) {
      QuantumCircuit qc = RandomCircuit.randomCircuit(2, 2, seed).measureAll();
      small.add(Qpy.dump(List.of(qc), 16));
      smallJson.add(CircuitJson.toJson(qc));
    }
    String smallArgs =
        Values.toJson(
            java.util.Map.of("circuits", small.stream().map(b -> Qpy.load(b).get(0)).toList()));
    System.out.printf(
        "big circuit: %d qubits, %d instructions, QPY %d bytes, argument text %d chars, circuit JSON %d chars%n",
        big.numQubits(), big.size(), bigQpy.length, bigArgs.length(), bigJson.length());

    report("big  QPY decode", time(() -> Qpy.load(bigQpy).get(0).size()), 5.0);
    report(
        "big  envelope decode (JSON+base64+zlib+QPY)",
        time(() -> ((java.util.Map<?, ?>) Values.fromJson(bigArgs)).size()),
        5.0);
    report(
        "big  circuit JSON decode (comparison)",
        time(() -> CircuitJson.fromJson(bigJson).size()),
        0);
    report(
        "1000 small QPY decodes",
        time(() -> small.stream().mapToInt(b -> Qpy.load(b).get(0).size()).sum()),
        0);
    report(
        "1000 small in one envelope decode",
        time(() -> ((java.util.Map<?, ?>) Values.fromJson(smallArgs)).size()),
        0);
    report(
        "1000 small circuit JSON decodes (comparison)",
        time(() -> smallJson.stream().mapToInt(j -> CircuitJson.fromJson(j).size()).sum()),
        0);
  }

  /**
   * 100 qubits, 10,000 gates: rz, sx and cx as a transpiled ISA circuit has, with some parameters.
   */
  private static QuantumCircuit bigCircuit() {
    SplittableRandom rnd = new SplittableRandom(1);
    QuantumCircuit qc = new QuantumCircuit(100, 100);
    io.qserverless.quantum.circuit.Parameter theta =
        new io.qserverless.quantum.circuit.Parameter("theta");
    while (qc.size() < 9_900) {
      int q = rnd.nextInt(100);
      switch (rnd.nextInt(4)) {
        case 0 ->
            qc.append(
                StandardGate.RZ.gate(
                    rnd.nextInt(10) == 0
                        ? theta.mul(rnd.nextDouble())
                        : ParameterExpression.of(rnd.nextDouble() * 6)),
                q);
        case 1 -> qc.append(StandardGate.SX.gate(), q);
        default -> qc.cx(q, (q + 1 + rnd.nextInt(99)) % 100);
      }
    }
    for (int q = 0; q < 100; q++) {
      qc.measure(q, q);
    }
    return qc;
  }

  /**
   * Wall and thread-CPU milliseconds of each round, sorted; on a shared machine wall time includes
   * waiting for a core.
   */
  private static double[][] time(Supplier<Integer> work) {
    long sink = 0;
    for (int i = 0; i < 20; i++) {
      sink += work.get();
    }
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    double[] wall = new double[ROUNDS];
    double[] cpu = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      long c = threads.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      sink += work.get();
      wall[r] = (System.nanoTime() - t) / 1e6;
      cpu[r] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
    }
    if (sink == 42) {
      System.out.print("");
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new double[][] {wall, cpu};
  }

  private static void report(String what, double[][] ms, double goalMs) {
    double[] wall = ms[0];
    double[] cpu = ms[1];
    System.out.printf(
        "%-46s wall best %7.3f median %7.3f ms | thread CPU best %7.3f median %7.3f ms%s%n",
        what,
        wall[0],
        wall[wall.length / 2],
        cpu[0],
        cpu[cpu.length / 2],
        goalMs > 0
            ? String.format(
                " (goal <= %.0f ms: CPU median %.2fx of goal)",
                goalMs, cpu[cpu.length / 2] / goalMs)
            : "");
  }

  private static String cpuModel() throws Exception {
    return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name"))
            .findFirst()
            .map(l -> l.substring(l.indexOf(':') + 1).strip())
            .orElse("unknown cpu")
        + " x"
        + Runtime.getRuntime().availableProcessors();
  }
}
