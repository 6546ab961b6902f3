package io.qserverless.bench;

import static io.qserverless.runtime.Serverless.distribute;
import static io.qserverless.runtime.Serverless.get;

import io.qserverless.quantum.backends.Backends;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.random.RandomCircuit;
import io.qserverless.quantum.transpiler.preset.PresetPassManagers;
import io.qserverless.runtime.Resources;
import io.qserverless.runtime.TaskRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A CPU-bound task set across JVMs: 16 transpilations at level 3 of random 27-qubit depth-20
 * circuits for {@code fake_kolkata}, one 1-cpu task each, in one JVM with the machine's 2 cores
 * versus a driver (no cpu of its own) with 2 worker JVMs of 1 core each: wall-time ratio.
 *
 * <p>Each side runs in fresh JVMs: a first (cold, JIT warming up) round of 16 circuits, then a
 * second round of 16 others; both are printed, the ratio is taken on the second.
 *
 * <p>Usage: {@code ./qs bench ClusterTranspile}.
 */
public final class ClusterTranspileBench {
  private static final String ROUND = "round ";

  private ClusterTranspileBench() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("child")) {
      for (int round = 1; round <= 2; round++) {
        round(round);
      }
      return;
    }
    ChildJvm.printMachine();
    System.out.println("one JVM, 2 cores (local executor):");
    double local = warmRound(ChildJvm.run(ClusterTranspileBench.class, Map.of(), l -> {}, "child"));
    System.out.println("driver + 2 worker JVMs of 1 core each:");
    double cluster =
        warmRound(
            ChildJvm.run(
                ClusterTranspileBench.class,
                Map.of("QS_WORKERS", "2", "QS_JOB_CPU", "0", "QS_WORKER_CPU", "1"),
                l -> {},
                "child"));
    System.out.printf(
        "16 level-3 transpilations, second round: one JVM %.2f s, driver + 2 workers %.2f s,"
            + " ratio (workers / one JVM) %.2f%n",
        local, cluster, cluster / local);
  }

  private static void round(int round) {
    List<QuantumCircuit> circuits = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      circuits.add(RandomCircuit.randomCircuit(27, 20, 4, true, false, false, round * 100 + i));
    }
    long start = System.nanoTime();
    List<TaskRef<QuantumCircuit>> refs = new ArrayList<>();
    for (QuantumCircuit c : circuits) {
      refs.add(
          distribute(
              Resources.cpu(1),
              () ->
                  PresetPassManagers.generatePresetPassManager(3, Backends.get("fake_kolkata"))
                      .run(c)));
    }
    int ops = get(refs).stream().mapToInt(QuantumCircuit::size).sum();
    System.out.printf(
        "%s%d: %.2f s (%d output operations)%n",
        ROUND, round, (System.nanoTime() - start) / 1e9, ops);
  }

  private static double warmRound(List<String> lines) {
    String line = lines.stream().filter(l -> l.startsWith(ROUND + "2: ")).findFirst().orElseThrow();
    return Double.parseDouble(line.substring((ROUND + "2: ").length(), line.indexOf(" s")));
  }
}
