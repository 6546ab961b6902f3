package io.qserverless.quantum.transpiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.quantum.backends.Backend;
import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.QuantumCircuit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Test assertions on transpiled circuits, written independently of the passes. */
final class IsaChecks {
  private static final Set<String> DIRECTIVES = Set.of("measure", "barrier", "reset", "delay");

  private IsaChecks() {}

  /** Only basis gates and directives; every two-qubit gate on a directed coupling-map edge. */
  static void assertIsa(QuantumCircuit out, Backend backend) {
    Set<String> directed = new TreeSet<>();
    backend.couplingMap().edges().forEach(e -> directed.add(e[0] + "," + e[1]));
    assertThat(out.numQubits()).isEqualTo(backend.numQubits());
    for (CircuitInstruction in : out.data()) {
      String name = in.operation().name();
      assertThat(backend.basisGates().contains(name) || DIRECTIVES.contains(name))
          .as("%s is a basis gate of %s", name, backend.name())
          .isTrue();
      if (in.operation() instanceof Gate && in.qubits().length == 2) {
        assertThat(directed).as("edge of %s", in).contains(in.qubit(0) + "," + in.qubit(1));
      }
    }
  }

  /**
   * The output's final state (measurements left out) is the input's with virtual qubit v on
   * physical qubit finalLayout[v] and every other physical qubit in |0⟩, global phase included.
   */
  static void assertFinalStateFollowsLayout(QuantumCircuit in, QuantumCircuit out) {
    TranspileLayout layout = TranspileLayout.of(out).orElseThrow();
    int[] fin = layout.finalLayout();
    int[] init = layout.initialLayout();
    assertThat(fin).hasSize(in.numQubits());
    assertThat(Arrays.stream(init).distinct().count()).isEqualTo(in.numQubits());
    assertThat(Arrays.stream(fin).distinct().count()).isEqualTo(in.numQubits());
    TreeSet<Integer> active = new TreeSet<>();
    Arrays.stream(fin).forEach(active::add);
    out.data().forEach(i -> Arrays.stream(i.qubits()).forEach(active::add));
    Map<Integer, Integer> index = new HashMap<>();
    active.forEach(q -> index.put(q, index.size()));
    double[] psiIn = unitaryState(in, in.numQubits(), q -> q);
    double[] psiOut = unitaryState(out, active.size(), index::get);
    double overlapRe = 0;
    double overlapIm = 0;
    for (int i = 0; i < (1 << in.numQubits()); i++) {
      int j = 0;
      for (int v = 0; v < in.numQubits(); v++) {
        if ((i >> v & 1) != 0) {
          j |= 1 << index.get(fin[v]);
        }
      }
      // <psiIn|psiOut> restricted to the embedded subspace
      overlapRe += psiIn[2 * i] * psiOut[2 * j] + psiIn[2 * i + 1] * psiOut[2 * j + 1];
      overlapIm += psiIn[2 * i] * psiOut[2 * j + 1] - psiIn[2 * i + 1] * psiOut[2 * j];
    }
    // Global phases included: the output must equal the laid-out input exactly, not up to phase.
    double phase = out.globalPhase().evaluate() - in.globalPhase().evaluate();
    double re = overlapRe * Math.cos(phase) - overlapIm * Math.sin(phase);
    double im = overlapRe * Math.sin(phase) + overlapIm * Math.cos(phase);
    assertThat(re).as("overlap with the laid-out input state").isCloseTo(1.0, within(1e-7));
    assertThat(im).isCloseTo(0.0, within(1e-7));
  }

  private static double[] unitaryState(
      QuantumCircuit qc, int n, java.util.function.IntUnaryOperator index) {
    double[] state = new double[2 << n];
    state[0] = 1;
    for (CircuitInstruction in : qc.data()) {
      if (in.operation() instanceof Gate g) {
        int[] qs = Arrays.stream(in.qubits()).map(index).toArray();
        g.matrix().applyTo(state, n, qs);
      }
    }
    return state;
  }
}
