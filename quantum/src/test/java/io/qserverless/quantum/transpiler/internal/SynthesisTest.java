package io.qserverless.quantum.transpiler.internal;

import static io.qserverless.quantum.transpiler.internal.SynthesisGates.CX;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.CZ;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.ECR;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.H;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.I2;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.SWAP;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.SX;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.X;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.ry;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.rz;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.swapQubits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.quantum.math.ComplexMatrix;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Euler and KAK synthesis reproduce their input unitaries, with the expected gate counts. */
class SynthesisTest {
  private final Random random = new Random(7);

  private ComplexMatrix randomOneQubit() {
    return rz(random.nextDouble() * 7)
        .multiply(ry(random.nextDouble() * 7))
        .multiply(rz(random.nextDouble() * 7))
        .scale(Math.cos(0.4), Math.sin(0.4));
  }

  private ComplexMatrix randomLocal() {
    return randomOneQubit().tensor(randomOneQubit());
  }

  private static long cxCount(List<TwoQubitDecomposer.Step> steps) {
    return steps.stream().filter(s -> s instanceof TwoQubitDecomposer.Cx).count();
  }

  @Test
  void euler_synthesis_reproduces_random_unitaries_in_at_most_five_gates() {
    for (int i = 0; i < 500; i++) {
      ComplexMatrix u = randomOneQubit();
      List<EulerDecomposer.Step> steps = EulerDecomposer.synthesize(u, i % 2 == 0);
      assertThat(steps).hasSizeLessThanOrEqualTo(5);
      assertThat(EulerDecomposer.matrixOf(steps).equivalentUpToPhase(u, 1e-9)).isTrue();
    }
  }

  @Test
  void euler_synthesis_uses_one_gate_for_z_rotations_x_and_sx() {
    assertThat(EulerDecomposer.synthesize(rz(0.7), true))
        .extracting(EulerDecomposer.Step::name)
        .containsExactly("rz");
    assertThat(EulerDecomposer.synthesize(X, true))
        .extracting(EulerDecomposer.Step::name)
        .containsExactly("x");
    assertThat(EulerDecomposer.synthesize(SX, true))
        .extracting(EulerDecomposer.Step::name)
        .containsExactly("sx");
    assertThat(EulerDecomposer.synthesize(I2, true)).isEmpty();
    // H = rz(π/2)·sx·rz(π/2) up to phase: three gates.
    assertThat(EulerDecomposer.synthesize(H, true)).hasSize(3);
  }

  @Test
  void kak_synthesis_reproduces_random_unitaries_with_three_cx() {
    for (int i = 0; i < 300; i++) {
      ComplexMatrix u = randomLocal();
      for (int k = 0; k < 3; k++) {
        u = randomLocal().multiply(CX).multiply(u);
      }
      List<TwoQubitDecomposer.Step> steps = TwoQubitDecomposer.synthesize(u);
      assertThat(cxCount(steps)).isEqualTo(3);
      assertThat(TwoQubitDecomposer.matrixOf(steps).equivalentUpToPhase(u, 1e-8)).isTrue();
    }
  }

  @Test
  void kak_synthesis_uses_the_known_minimal_cx_counts() {
    ComplexMatrix iswap =
        ComplexMatrix.of(
            4, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 1, 0);
    Object[][] cases = {
      {ComplexMatrix.identity(4), 0},
      {randomLocal(), 0},
      {CX, 1},
      {CZ, 1},
      {ECR, 1},
      {swapQubits(CX), 1},
      {iswap, 2},
      {CX.multiply(swapQubits(CX)), 2},
      {SWAP, 3},
      {randomLocal().multiply(CX).multiply(randomLocal()).multiply(CZ), 2},
    };
    for (Object[] c : cases) {
      ComplexMatrix u = (ComplexMatrix) c[0];
      List<TwoQubitDecomposer.Step> steps = TwoQubitDecomposer.synthesize(u);
      assertThat(cxCount(steps)).as("CX count for %s", u).isEqualTo((int) c[1]);
      assertThat(TwoQubitDecomposer.matrixOf(steps).equivalentUpToPhase(u, 1e-8)).isTrue();
    }
  }

  @Test
  void kak_coordinates_of_cx_and_swap_are_the_textbook_ones() {
    double[] cx = TwoQubitDecomposer.coordinates(CX);
    assertThat(Math.abs(cx[0]) + Math.abs(cx[1]) + Math.abs(cx[2]))
        .isCloseTo(Math.PI / 4, within(1e-9));
    for (double x : TwoQubitDecomposer.coordinates(SWAP)) {
      assertThat(Math.abs(x)).isCloseTo(Math.PI / 4, within(1e-9));
    }
  }

  @Test
  void clifford_corrections_turn_ecr_into_cx_and_reverse_ecr() {
    ComplexMatrix[] a = Lowering.CX_AFTER_ECR;
    assertThat(a[0].tensor(a[1]).multiply(ECR).equivalentUpToPhase(CX, 1e-12)).isTrue();
    ComplexMatrix[] f = Lowering.ECR_FLIP_AFTER;
    ComplexMatrix flipped = f[0].tensor(f[1]).multiply(swapQubits(ECR)).multiply(H.tensor(H));
    assertThat(flipped.equivalentUpToPhase(ECR, 1e-12)).isTrue();
  }
}
