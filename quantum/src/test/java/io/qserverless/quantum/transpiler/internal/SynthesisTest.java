package io.qserverless.quantum.transpiler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Euler and KAK synthesis reproduce their input unitaries, with the expected gate counts. */
class SynthesisTest {
  private final Random random = new Random(7);

  private Mat randomOneQubit() {
    return Mat.rz(random.nextDouble() * 7).mul(Mat.ry(random.nextDouble() * 7))
        .mul(Mat.rz(random.nextDouble() * 7)).scale(Math.cos(0.4), Math.sin(0.4));
  }

  private Mat randomLocal() {
    return randomOneQubit().kron(randomOneQubit());
  }

  private static long cxCount(List<TwoQubitDecomposer.Step> steps) {
    return steps.stream().filter(s -> s instanceof TwoQubitDecomposer.Cx).count();
  }

  @Test
  void euler_synthesis_reproduces_random_unitaries_in_at_most_five_gates() {
    for (int i = 0; i < 500; i++) {
      Mat u = randomOneQubit();
      List<EulerDecomposer.Step> steps = EulerDecomposer.synthesize(u, i % 2 == 0);
      assertThat(steps).hasSizeLessThanOrEqualTo(5);
      assertThat(EulerDecomposer.matrixOf(steps).equalsUpToPhase(u, 1e-9)).isTrue();
    }
  }

  @Test
  void euler_synthesis_uses_one_gate_for_z_rotations_x_and_sx() {
    assertThat(EulerDecomposer.synthesize(Mat.rz(0.7), true)).extracting(EulerDecomposer.Step::name)
        .containsExactly("rz");
    assertThat(EulerDecomposer.synthesize(Mat.X, true)).extracting(EulerDecomposer.Step::name)
        .containsExactly("x");
    assertThat(EulerDecomposer.synthesize(Mat.SX, true)).extracting(EulerDecomposer.Step::name)
        .containsExactly("sx");
    assertThat(EulerDecomposer.synthesize(Mat.I2, true)).isEmpty();
    // H = rz(π/2)·sx·rz(π/2) up to phase: three gates.
    assertThat(EulerDecomposer.synthesize(Mat.H, true)).hasSize(3);
  }

  @Test
  void kak_synthesis_reproduces_random_unitaries_with_three_cx() {
    for (int i = 0; i < 300; i++) {
      Mat u = randomLocal();
      for (int k = 0; k < 3; k++) {
        u = randomLocal().mul(Mat.CX).mul(u);
      }
      List<TwoQubitDecomposer.Step> steps = TwoQubitDecomposer.synthesize(u);
      assertThat(cxCount(steps)).isEqualTo(3);
      assertThat(TwoQubitDecomposer.matrixOf(steps).equalsUpToPhase(u, 1e-8)).isTrue();
    }
  }

  @Test
  void kak_synthesis_uses_the_known_minimal_cx_counts() {
    Mat iswap = Mat.of(4, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0,
        0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0);
    Object[][] cases = {
      {Mat.identity(4), 0}, {randomLocal(), 0}, {Mat.CX, 1}, {Mat.CZ, 1}, {Mat.ECR, 1},
      {Mat.CX.swapQubits(), 1}, {iswap, 2}, {Mat.CX.mul(Mat.CX.swapQubits()), 2},
      {Mat.SWAP, 3}, {randomLocal().mul(Mat.CX).mul(randomLocal()).mul(Mat.CZ), 2},
    };
    for (Object[] c : cases) {
      Mat u = (Mat) c[0];
      List<TwoQubitDecomposer.Step> steps = TwoQubitDecomposer.synthesize(u);
      assertThat(cxCount(steps)).as("CX count for %s", u).isEqualTo((int) c[1]);
      assertThat(TwoQubitDecomposer.matrixOf(steps).equalsUpToPhase(u, 1e-8)).isTrue();
    }
  }

  @Test
  void kak_coordinates_of_cx_and_swap_are_the_textbook_ones() {
    double[] cx = TwoQubitDecomposer.coordinates(Mat.CX);
    assertThat(Math.abs(cx[0]) + Math.abs(cx[1]) + Math.abs(cx[2]))
        .isCloseTo(Math.PI / 4, within(1e-9));
    for (double x : TwoQubitDecomposer.coordinates(Mat.SWAP)) {
      assertThat(Math.abs(x)).isCloseTo(Math.PI / 4, within(1e-9));
    }
  }

  @Test
  void clifford_corrections_turn_ecr_into_cx_and_reverse_ecr() {
    Mat[] a = Lowering.CX_AFTER_ECR;
    assertThat(a[0].kron(a[1]).mul(Mat.ECR).equalsUpToPhase(Mat.CX, 1e-12)).isTrue();
    Mat[] f = Lowering.ECR_FLIP_AFTER;
    Mat flipped = f[0].kron(f[1]).mul(Mat.ECR.swapQubits()).mul(Mat.H.kron(Mat.H));
    assertThat(flipped.equalsUpToPhase(Mat.ECR, 1e-12)).isTrue();
  }
}
