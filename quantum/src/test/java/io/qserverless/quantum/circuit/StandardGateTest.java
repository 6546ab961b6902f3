package io.qserverless.quantum.circuit;

import static org.assertj.core.api.Assertions.assertThat;

import io.qserverless.quantum.circuit.internal.Unitaries;
import io.qserverless.quantum.math.ComplexMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StandardGateTest {
  private static final double TOL = 1e-10;

  private static Gate randomInstance(StandardGate g, Random rnd) {
    ParameterExpression[] params = new ParameterExpression[g.numParams()];
    for (int i = 0; i < params.length; i++) {
      params[i] = ParameterExpression.of(rnd.nextDouble(-2 * Math.PI, 2 * Math.PI));
    }
    return g.isVariableSize() ? g.sized(2 + rnd.nextInt(3), params) : g.gate(params);
  }

  @ParameterizedTest
  @EnumSource(StandardGate.class)
  void every_definition_has_the_gates_matrix_including_global_phase(StandardGate g) {
    Random rnd = new Random(g.ordinal());
    for (int trial = 0; trial < 3; trial++) {
      Gate gate = randomInstance(g, rnd);
      if (gate.definition().isEmpty()) {
        assertThat(g).isIn(StandardGate.U, StandardGate.CX);
        continue;
      }
      ComplexMatrix byDefinition = Unitaries.of(gate.definition().get());
      assertThat(byDefinition.approxEquals(gate.matrix(), TOL))
          .as("%s: definition\n%s\nmatrix\n%s", gate, byDefinition, gate.matrix())
          .isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(StandardGate.class)
  void every_gate_is_unitary_and_its_inverse_undoes_it_exactly(StandardGate g) {
    Gate gate = randomInstance(g, new Random(7 + g.ordinal()));
    ComplexMatrix m = gate.matrix();
    assertThat(m.isUnitary(TOL)).isTrue();
    assertThat(
            gate.inverse().matrix().multiply(m).approxEquals(ComplexMatrix.identity(m.dim()), TOL))
        .as("%s inverse %s", gate, gate.inverse())
        .isTrue();
  }

  @Test
  void qiskit_matrices_for_gates_with_easily_mistaken_phases() {
    double r = Math.sqrt(0.5);
    // ECR = 1/√2 [[0,1,0,i],[1,0,-i,0],[0,i,0,1],[-i,0,1,0]] (Qiskit ECRGate docs)
    assertThat(
            StandardGate.ECR
                .gate()
                .matrix()
                .approxEquals(
                    ComplexMatrix.of(
                        4, 0, 0, r, 0, 0, 0, 0, r, r, 0, 0, 0, 0, -r, 0, 0, 0, 0, 0, r, 0, 0, r, 0,
                        0, -r, 0, 0, r, 0, 0, 0),
                    TOL))
        .isTrue();
    // U(π/2, 0, π) is exactly H: no global phase in Qiskit's U
    assertThat(
            StandardGate.U.gate(Math.PI / 2, 0, Math.PI)
                .matrix()
                .approxEquals(StandardGate.H.gate().matrix(), TOL))
        .isTrue();
    // RZ(π) = diag(-i, i), whereas P(π) = diag(1, -1)
    ComplexMatrix rz = StandardGate.RZ.gate(Math.PI).matrix();
    assertThat(rz.im(0, 0)).isCloseTo(-1, org.assertj.core.data.Offset.offset(TOL));
    assertThat(rz.im(1, 1)).isCloseTo(1, org.assertj.core.data.Offset.offset(TOL));
    // CX with control q0, target q1 maps |01> (index 1) to |11> (index 3): little-endian
    assertThat(StandardGate.CX.gate().matrix().re(3, 1)).isEqualTo(1.0);
    // iSWAP: |01> -> i|10>
    assertThat(StandardGate.ISWAP.gate().matrix().im(2, 1)).isEqualTo(1.0);
  }

  @Test
  void h_x_h_is_z_and_s_s_is_z() {
    ComplexMatrix h = StandardGate.H.gate().matrix();
    ComplexMatrix x = StandardGate.X.gate().matrix();
    ComplexMatrix s = StandardGate.S.gate().matrix();
    ComplexMatrix z = StandardGate.Z.gate().matrix();
    assertThat(h.multiply(x).multiply(h).approxEquals(z, TOL)).isTrue();
    assertThat(s.multiply(s).approxEquals(z, TOL)).isTrue();
  }

  @Test
  void gates_are_found_by_their_qiskit_names() {
    assertThat(StandardGate.byName("cx")).contains(StandardGate.CX);
    assertThat(StandardGate.byName("rcccx")).contains(StandardGate.RC3X);
    assertThat(StandardGate.byName("nope")).isEmpty();
  }
}
