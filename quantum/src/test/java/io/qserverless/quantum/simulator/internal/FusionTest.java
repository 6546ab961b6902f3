package io.qserverless.quantum.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pair fusion inside a sweep: which steps merge, and that a merged pair acts like the two gates.
 */
class FusionTest {
  private static final double R = Math.sqrt(0.5);

  /** Not real, not diagonal: takes the general kernels. */
  private static final double[] U = {R, 0, 0, -R, 0, -R, R, 0};

  private static final double[] H = {R, 0, R, 0, R, 0, -R, 0};

  private static double[] run(List<Step> steps, int n) {
    double[] s = new double[2 << n];
    for (int i = 0; i < s.length; i++) {
      s[i] = Math.sin(0.37 * i + 0.1);
    }
    for (Step step : steps) {
      step.apply(s, n);
    }
    return s;
  }

  private static double maxDifference(double[] a, double[] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }

  @Test
  void two_gates_on_qubits_from_2_up_merge_into_one_4x4_that_acts_like_them() {
    List<Step> steps = List.of(Step.one(0, 3, U), Step.one(0, 7, H));
    List<Step> fused = Fusion.pairs(steps);
    assertThat(fused).hasSize(Kernels.SIMD ? 1 : 2);
    assertThat(maxDifference(run(fused, 9), run(steps, 9))).isLessThan(1e-14);
  }

  @Test
  void diagonal_gates_on_the_pair_right_after_it_join_the_block() {
    // u on 7, h on 3, cz(3, 7), t on 7 (as cp), then h on 5: one 4x4 and the h
    double c = Math.sqrt(0.5);
    List<Step> steps =
        List.of(
            Step.one(0, 7, U),
            Step.one(0, 3, H),
            Step.one(1 << 3, 7, new double[] {1, 0, 0, 0, 0, 0, -1, 0}),
            Step.one(0, 7, new double[] {1, 0, 0, 0, 0, 0, c, c}),
            Step.one(0, 5, H));
    List<Step> fused = Fusion.pairs(steps);
    assertThat(fused).hasSize(Kernels.SIMD ? 2 : 5);
    assertThat(maxDifference(run(fused, 9), run(steps, 9))).isLessThan(1e-14);
  }

  @Test
  void a_gate_between_on_the_partners_qubit_keeps_the_order() {
    // u on 3, cz(7, 8), h on 7: h cannot move up past the cz, and nothing on 3 follows
    List<Step> steps =
        List.of(
            Step.one(0, 3, U),
            Step.one(1 << 8, 7, new double[] {1, 0, 0, 0, 0, 0, -1, 0}),
            Step.one(0, 7, H),
            Step.one(0, 5, U));
    List<Step> fused = Fusion.pairs(steps);
    assertThat(fused).hasSize(Kernels.SIMD ? 3 : 4);
    assertThat(fused.get(0).kind).isEqualTo(Kernels.SIMD ? Step.Kind.DENSE : Step.Kind.ONE);
    assertThat(maxDifference(run(fused, 10), run(steps, 10))).isLessThan(1e-14);
  }

  @Test
  void qubits_0_and_1_and_controlled_gates_are_not_fused() {
    List<Step> steps =
        List.of(Step.one(0, 1, U), Step.one(0, 0, H), Step.one(1 << 2, 4, U), Step.one(0, 5, H));
    assertThat(Fusion.pairs(steps)).hasSize(4);
  }
}
