package io.qserverless.quantum.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.internal.Unitaries;
import io.qserverless.quantum.circuit.random.RandomCircuit;
import io.qserverless.quantum.math.ComplexMatrix;
import org.junit.jupiter.api.Test;

/**
 * The simulator's specialised kernels and gate fusion against an independent reference: each gate's
 * dense matrix applied by the generic {@link ComplexMatrix#applyTo} kernel, one by one.
 */
class KernelTest {

  private static double[] reference(QuantumCircuit qc) {
    double[] s = new double[2 << qc.numQubits()];
    s[0] = 1;
    for (CircuitInstruction in : qc.data()) {
      if (in.operation() instanceof Gate g) {
        g.matrix().applyTo(s, qc.numQubits(), in.qubits());
      }
    }
    double ph = qc.globalPhase().evaluate();
    for (int i = 0; i < s.length; i += 2) {
      double re = s[i], im = s[i + 1];
      s[i] = re * Math.cos(ph) - im * Math.sin(ph);
      s[i + 1] = re * Math.sin(ph) + im * Math.cos(ph);
    }
    return s;
  }

  /** Max-error check: AssertJ's element-wise array comparison takes seconds on 2^18 entries. */
  private static void assertMatchesReference(QuantumCircuit qc) {
    double[] actual = Statevector.fromCircuit(qc).toArray();
    double[] expected = reference(qc);
    double maxError = 0;
    for (int i = 0; i < actual.length; i++) {
      maxError = Math.max(maxError, Math.abs(actual[i] - expected[i]));
    }
    assertThat(maxError).isLessThan(1e-10);
  }

  @Test
  void random_circuits_of_all_standard_gates_match_the_dense_reference() {
    for (int seed = 0; seed < 40; seed++) {
      int n = 1 + seed % 6;
      QuantumCircuit qc = RandomCircuit.randomCircuit(n, 6, 4, false, false, false, seed);
      qc.setGlobalPhase(0.1 * seed);
      assertThat(Statevector.fromCircuit(qc).toArray())
          .as("seed %d\n%s", seed, qc.draw())
          .containsExactly(reference(qc), within(1e-10));
    }
  }

  @Test
  void parallel_kernels_on_17_qubits_match_the_dense_reference() {
    // 2^16 amplitude pairs is above the parallel threshold: the chunked kernels run
    QuantumCircuit qc = RandomCircuit.randomCircuit(17, 2, 2, false, false, false, 99);
    qc.h(16)
        .ry(0.4, 3)
        .cx(16, 0)
        .ccx(0, 16, 8)
        .swap(2, 15)
        .crz(0.3, 4, 14)
        .x(0)
        .y(5)
        .h(1)
        .p(0.2, 1);
    assertMatchesReference(qc);
  }

  @Test
  void diagonal_gates_on_every_qubit_of_17_match_the_dense_reference() {
    // the cx chain applies the ry gates, so each final rz or t runs alone as a diagonal pass,
    // on blocks shorter than, equal to and longer than a parallel chunk
    QuantumCircuit qc = new QuantumCircuit(17);
    for (int q = 0; q < 17; q++) {
      qc.ry(0.3 + 0.1 * q, q);
    }
    for (int q = 0; q < 16; q++) {
      qc.cx(q, q + 1);
    }
    for (int q = 0; q < 17; q++) {
      if (q % 3 == 0) {
        qc.t(q);
      } else {
        qc.rz(0.2 + 0.15 * q, q);
      }
    }
    assertMatchesReference(qc);
  }

  @Test
  void high_target_qubits_on_21_qubits_match_the_reference() {
    // qubit 20 pairs amplitudes 2^20 apart, with grouped runs under low controls
    QuantumCircuit qc = new QuantumCircuit(21);
    qc.h(0)
        .h(20)
        .ry(0.3, 19)
        .rz(0.7, 20)
        .cx(19, 20)
        .y(20)
        .swap(0, 20)
        .cry(0.9, 3, 20)
        .x(20)
        .p(0.4, 20)
        .sx(20)
        .cx(0, 1)
        .rz(0.5, 20)
        .cz(20, 5);
    assertMatchesReference(qc);
  }

  @Test
  void random_circuits_preserve_the_norm_and_match_their_unitarys_first_column() {
    for (int seed = 100; seed < 110; seed++) {
      QuantumCircuit qc = RandomCircuit.randomCircuit(5, 8, seed);
      Statevector psi = Statevector.fromCircuit(qc);
      assertThat(psi.norm2()).isCloseTo(1, within(1e-12));
      ComplexMatrix u = Unitaries.of(qc);
      assertThat(u.isUnitary(1e-10)).isTrue();
      for (int i = 0; i < 32; i++) {
        assertThat(psi.re(i)).isCloseTo(u.re(i, 0), within(1e-10));
        assertThat(psi.im(i)).isCloseTo(u.im(i, 0), within(1e-10));
      }
    }
  }

  @Test
  void inverse_of_a_random_circuit_undoes_it_up_to_global_phase() {
    for (int seed = 200; seed < 210; seed++) {
      QuantumCircuit qc = RandomCircuit.randomCircuit(4, 6, seed);
      ComplexMatrix product = Unitaries.of(qc.compose(qc.inverse()));
      assertThat(product.equivalentUpToPhase(ComplexMatrix.identity(16), 1e-10))
          .as("seed %d", seed)
          .isTrue();
    }
  }
}
