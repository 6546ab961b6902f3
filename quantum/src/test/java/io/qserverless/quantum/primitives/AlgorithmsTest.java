package io.qserverless.quantum.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.quantum.circuit.QuantumCircuit;
import org.junit.jupiter.api.Test;

/** Textbook algorithms on the Sampler, checked against their analytic outcome probabilities. */
class AlgorithmsTest {
  private static final double TOL = 1e-12;

  private static QuasiDistribution exact(QuantumCircuit qc) {
    return new Sampler().run(qc).result().quasiDists().get(0);
  }

  /** Deutsch–Jozsa on 3 input qubits (0..2) and an ancilla (3); measures the inputs. */
  private static QuantumCircuit deutschJozsa(boolean balanced, boolean constantOne) {
    QuantumCircuit qc = new QuantumCircuit(4, 3);
    qc.x(3).h(3);
    for (int i = 0; i < 3; i++) {
      qc.h(i);
    }
    if (balanced) {
      for (int i = 0; i < 3; i++) {
        qc.cx(i, 3); // f(x) = x0 ⊕ x1 ⊕ x2
      }
    } else if (constantOne) {
      qc.x(3);
    }
    for (int i = 0; i < 3; i++) {
      qc.h(i).measure(i, i);
    }
    return qc;
  }

  @Test
  void deutsch_jozsa_reads_all_zeros_exactly_when_the_oracle_is_constant() {
    assertThat(exact(deutschJozsa(false, false))).containsOnlyKeys(0);
    assertThat(exact(deutschJozsa(false, true))).containsOnlyKeys(0);
    // parity oracle: the phase kickback gives |111>
    assertThat(exact(deutschJozsa(true, false))).containsOnlyKeys(7);
  }

  @Test
  void grover_on_two_qubits_finds_the_marked_state_with_certainty_in_one_iteration() {
    //      ┌───┐   ┌───┐┌───┐   ┌───┐┌───┐
    // q_0: ┤ H ├─■─┤ H ├┤ X ├─■─┤ X ├┤ H ├─M
    //      ├───┤ │ ├───┤├───┤ │ ├───┤├───┤
    // q_1: ┤ H ├─■─┤ H ├┤ X ├─■─┤ X ├┤ H ├─M     oracle CZ marks |11>
    QuantumCircuit qc = new QuantumCircuit(2);
    qc.h(0).h(1).cz(0, 1);
    qc.h(0).h(1).x(0).x(1).cz(0, 1).x(0).x(1).h(0).h(1);
    qc.measureAll();
    QuasiDistribution d = exact(qc);
    assertThat(d).containsOnlyKeys(3);
    assertThat(d.get(3)).isCloseTo(1.0, within(TOL));
  }

  @Test
  void
      grover_on_three_qubits_after_two_iterations_finds_the_marked_state_with_probability_0_9453() {
    // marked |101>: oracle = X(q1) CCZ X(q1); diffuser = H X CCZ X H on all three
    QuantumCircuit qc = new QuantumCircuit(3);
    qc.h(0).h(1).h(2);
    for (int iteration = 0; iteration < 2; iteration++) {
      qc.x(1).ccz(0, 1, 2).x(1);
      qc.h(0).h(1).h(2).x(0).x(1).x(2).ccz(0, 1, 2).x(0).x(1).x(2).h(0).h(1).h(2);
    }
    qc.measureAll();
    // sin²(5·asin(1/√8)) = 0.9453125 exactly (= 121/128)
    assertThat(exact(qc).get(5)).isCloseTo(121.0 / 128, within(TOL));
  }

  @Test
  void teleportation_gives_bob_the_input_state_in_z_and_x_bases() {
    double theta = 1.2, phi = 0.7;
    for (boolean xBasis : new boolean[] {false, true}) {
      // q_0: ─RY(θ)─RZ(φ)───────■─H─M────────────
      // q_1: ──────────────H─■──X───┼─M──────────
      // q_2: ────────────────X──────┼─┼─X─Z─(H)─M   X if c1, Z if c0
      QuantumCircuit qc = new QuantumCircuit(3, 3);
      qc.ry(theta, 0).rz(phi, 0);
      qc.h(1).cx(1, 2);
      qc.cx(0, 1).h(0).measure(0, 0).measure(1, 1);
      qc.x(2).cIf(1, 1);
      qc.z(2).cIf(0, 1);
      if (xBasis) {
        qc.h(2);
      }
      qc.measure(2, 2);
      double pOne =
          exact(qc).entrySet().stream()
              .filter(e -> (e.getKey() & 4) != 0)
              .mapToDouble(e -> e.getValue())
              .sum();
      // input Bloch vector: <Z> = cos θ, <X> = sin θ cos φ; P(1) = (1 - <P>)/2
      double expected =
          xBasis ? (1 - Math.sin(theta) * Math.cos(phi)) / 2 : (1 - Math.cos(theta)) / 2;
      assertThat(pOne).as("x basis: %s", xBasis).isCloseTo(expected, within(1e-12));
    }
  }
}
