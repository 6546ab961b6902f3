package io.qserverless.quantum.circuit.internal;

import io.qserverless.quantum.circuit.Barrier;
import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.QuantumCircuit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Depth, layers and operation counts of a circuit, computed as Qiskit does. */
public final class CircuitMetrics {
  private CircuitMetrics() {}

  /**
   * The layer (1-based) of each instruction: one more than the latest layer on any of its qubits,
   * clbits or condition bits. A barrier takes the latest layer of its bits without adding one, so
   * it aligns wires but adds no depth.
   */
  public static int[] layers(QuantumCircuit c) {
    int[] qubitLevel = new int[c.numQubits()];
    int[] clbitLevel = new int[c.numClbits()];
    List<CircuitInstruction> data = c.data();
    int[] layer = new int[data.size()];
    for (int k = 0; k < data.size(); k++) {
      CircuitInstruction in = data.get(k);
      int[] qs = in.qubits();
      List<Integer> cs = new ArrayList<>();
      for (int b : in.clbits()) {
        cs.add(b);
      }
      if (in.condition() != null) {
        for (int b : in.condition().clbits()) {
          cs.add(b);
        }
      }
      int level = 0;
      for (int q : qs) {
        level = Math.max(level, qubitLevel[q]);
      }
      for (int b : cs) {
        level = Math.max(level, clbitLevel[b]);
      }
      if (!(in.operation() instanceof Barrier)) {
        level++;
      }
      for (int q : qs) {
        qubitLevel[q] = level;
      }
      for (int b : cs) {
        clbitLevel[b] = level;
      }
      layer[k] = level;
    }
    return layer;
  }

  public static int depth(QuantumCircuit c) {
    int depth = 0;
    for (int l : layers(c)) {
      depth = Math.max(depth, l);
    }
    return depth;
  }

  public static Map<String, Integer> countOps(QuantumCircuit c) {
    Map<String, Integer> counts = new HashMap<>();
    for (CircuitInstruction in : c.data()) {
      counts.merge(in.operation().name(), 1, Integer::sum);
    }
    Map<String, Integer> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }
}
