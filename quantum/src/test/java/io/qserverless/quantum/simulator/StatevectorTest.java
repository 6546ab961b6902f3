package io.qserverless.quantum.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.info.SparsePauliOp;
import org.junit.jupiter.api.Test;

class StatevectorTest {
  private static final double TOL = 1e-12;
  private static final double R2 = Math.sqrt(0.5);

  @Test
  void bell_state_has_amplitude_one_over_root_two_on_00_and_11() {
    //      ┌───┐
    // q_0: ┤ H ├──■──
    //      └───┘┌─┴─┐
    // q_1: ─────┤ X ├
    //           └───┘
    QuantumCircuit qc = new QuantumCircuit(2);
    qc.h(0).cx(0, 1);
    Statevector psi = Statevector.fromCircuit(qc);
    assertThat(psi.toArray()).containsExactly(new double[] {R2, 0, 0, 0, 0, 0, R2, 0}, within(TOL));
  }

  @Test
  void ghz_state_on_five_qubits_is_all_zeros_plus_all_ones() {
    // q_0: H ─■────────────
    // q_1: ───X─■──────────
    // q_2: ─────X─■────────   ... a CX chain
    QuantumCircuit qc = new QuantumCircuit(5);
    qc.h(0);
    for (int i = 0; i < 4; i++) {
      qc.cx(i, i + 1);
    }
    Statevector psi = Statevector.fromCircuit(qc);
    for (int i = 0; i < 32; i++) {
      assertThat(psi.probability(i)).isCloseTo(i == 0 || i == 31 ? 0.5 : 0, within(TOL));
    }
  }

  @Test
  void w_state_has_amplitude_one_over_root_three_on_each_single_excitation() {
    // q_0: ─RY(2·acos(1/√3))─■─────────■──X─
    // q_1: ──────────────────H───■─────X────
    // q_2: ──────────────────────X──────────
    QuantumCircuit qc = new QuantumCircuit(3);
    qc.ry(2 * Math.acos(1 / Math.sqrt(3)), 0).ch(0, 1).cx(1, 2).cx(0, 1).x(0);
    Statevector psi = Statevector.fromCircuit(qc);
    double third = 1 / Math.sqrt(3);
    for (int i = 0; i < 8; i++) {
      boolean single = i == 1 || i == 2 || i == 4;
      assertThat(psi.re(i)).isCloseTo(single ? third : 0, within(TOL));
      assertThat(psi.im(i)).isCloseTo(0, within(TOL));
    }
  }

  @Test
  void qft_of_each_basis_state_has_uniform_magnitudes_and_phases_two_pi_jk_over_n() {
    int n = 4;
    int dim = 1 << n;
    for (int j = 0; j < dim; j++) {
      QuantumCircuit qc = new QuantumCircuit(n);
      for (int b = 0; b < n; b++) {
        if ((j >> b & 1) != 0) {
          qc.x(b);
        }
      }
      Statevector psi = Statevector.fromCircuit(qc.compose(qft(n)));
      for (int k = 0; k < dim; k++) {
        double angle = 2 * Math.PI * j * k / dim;
        assertThat(psi.re(k)).as("j=%d k=%d", j, k).isCloseTo(Math.cos(angle) / 4, within(1e-12));
        assertThat(psi.im(k)).as("j=%d k=%d", j, k).isCloseTo(Math.sin(angle) / 4, within(1e-12));
      }
    }
  }

  /**
   * Textbook QFT: H and controlled phases from the top qubit down, then reverse the qubit order.
   */
  static QuantumCircuit qft(int n) {
    QuantumCircuit qc = new QuantumCircuit(n);
    for (int j = n - 1; j >= 0; j--) {
      qc.h(j);
      for (int k = j - 1; k >= 0; k--) {
        qc.cp(Math.PI / (1 << (j - k)), k, j);
      }
    }
    for (int i = 0; i < n / 2; i++) {
      qc.swap(i, n - 1 - i);
    }
    return qc;
  }

  @Test
  void pauli_expectations_on_bell_state() {
    QuantumCircuit qc = new QuantumCircuit(2);
    qc.h(0).cx(0, 1);
    Statevector psi = Statevector.fromCircuit(qc);
    assertThat(psi.expectationValue(SparsePauliOp.of("ZZ"))).isCloseTo(1, within(TOL));
    assertThat(psi.expectationValue(SparsePauliOp.of("XX"))).isCloseTo(1, within(TOL));
    assertThat(psi.expectationValue(SparsePauliOp.of("YY"))).isCloseTo(-1, within(TOL));
    assertThat(psi.expectationValue(SparsePauliOp.of("ZI"))).isCloseTo(0, within(TOL));
  }

  @Test
  void pauli_expectations_on_a_17_qubit_ghz_state_use_the_parallel_sum() {
    // (|0...0> + |1...1>)/√2: <X...X> = 1, <Y Y X...X> = -1, <Z Z I...I> = 1, <Z I...I> = 0
    QuantumCircuit qc = new QuantumCircuit(17);
    qc.h(0);
    for (int i = 0; i < 16; i++) {
      qc.cx(i, i + 1);
    }
    Statevector psi = Statevector.fromCircuit(qc);
    assertThat(psi.expectationValue(SparsePauliOp.of("X".repeat(17)))).isCloseTo(1, within(1e-12));
    assertThat(psi.expectationValue(SparsePauliOp.of("YY" + "X".repeat(15))))
        .isCloseTo(-1, within(1e-12));
    assertThat(psi.expectationValue(SparsePauliOp.of("ZZ" + "I".repeat(15))))
        .isCloseTo(1, within(1e-12));
    assertThat(psi.expectationValue(SparsePauliOp.of("Z" + "I".repeat(16))))
        .isCloseTo(0, within(1e-12));
  }

  @Test
  void pauli_label_rightmost_letter_is_qubit_zero() {
    QuantumCircuit qc = new QuantumCircuit(2);
    qc.x(0); // |01>: qubit 0 is 1
    Statevector psi = Statevector.fromCircuit(qc);
    assertThat(psi.expectationValue(SparsePauliOp.of("IZ"))).isCloseTo(-1, within(TOL));
    assertThat(psi.expectationValue(SparsePauliOp.of("ZI"))).isCloseTo(1, within(TOL));
  }

  @Test
  void y_expectation_of_the_plus_i_state_is_one() {
    QuantumCircuit qc = new QuantumCircuit(1);
    qc.h(0).s(0); // (|0> + i|1>)/√2
    assertThat(Statevector.fromCircuit(qc).expectationValue(SparsePauliOp.of("Y")))
        .isCloseTo(1, within(TOL));
  }

  @Test
  void measurement_in_a_state_circuit_is_refused_with_the_alternative() {
    QuantumCircuit qc = new QuantumCircuit(1, 1);
    qc.measure(0, 0);
    assertThatThrownBy(() -> Statevector.fromCircuit(qc))
        .hasMessageContaining("StatevectorSimulator.run");
  }
}
