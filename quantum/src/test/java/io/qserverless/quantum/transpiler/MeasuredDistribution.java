package io.qserverless.quantum.transpiler;

import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.math.ComplexMatrix;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Test oracle: the exact distribution of a circuit's classical bits, by statevector simulation over
 * only the qubits the circuit touches. Measurements are deferred (each becomes a CX onto a fresh
 * qubit standing for its clbit), which gives the right joint distribution even when swaps move a
 * qubit after it was measured.
 */
final class MeasuredDistribution {
  private static final ComplexMatrix CX = io.qserverless.quantum.circuit.StandardGate.CX.matrix(2);

  private MeasuredDistribution() {}

  /** Probability of each clbit value (clbit 0 least significant), entries above 1e-12. */
  static Map<Long, Double> of(QuantumCircuit qc) {
    TreeSet<Integer> used = new TreeSet<>();
    for (CircuitInstruction in : qc.data()) {
      for (int q : in.qubits()) {
        used.add(q);
      }
    }
    Map<Integer, Integer> index = new HashMap<>();
    for (int q : used) {
      index.put(q, index.size());
    }
    int nq = index.size();
    int n = nq + qc.numClbits();
    if (n > 22) {
      throw new IllegalArgumentException("too many active qubits to simulate: " + n);
    }
    double[] state = new double[2 << n];
    state[0] = 1;
    for (CircuitInstruction in : qc.data()) {
      int[] qs = new int[in.qubits().length];
      for (int i = 0; i < qs.length; i++) {
        qs[i] = index.get(in.qubit(i));
      }
      switch (in.operation()) {
        case Gate g -> g.matrix().applyTo(state, n, qs);
        case io.qserverless.quantum.circuit.Measure m ->
            CX.applyTo(state, n, new int[] {qs[0], nq + in.clbit(0)});
        default -> {}
      }
    }
    Map<Long, Double> dist = new HashMap<>();
    for (int i = 0; i < (1 << n); i++) {
      double p = state[2 * i] * state[2 * i] + state[2 * i + 1] * state[2 * i + 1];
      if (p > 1e-12) {
        dist.merge((long) (i >>> nq), p, Double::sum);
      }
    }
    return dist;
  }

  /** Total variation distance between two distributions. */
  static double distance(Map<Long, Double> a, Map<Long, Double> b) {
    TreeSet<Long> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    double d = 0;
    for (long k : keys) {
      d += Math.abs(a.getOrDefault(k, 0.0) - b.getOrDefault(k, 0.0));
    }
    return d / 2;
  }
}
