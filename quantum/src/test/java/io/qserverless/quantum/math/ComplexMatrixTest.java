package io.qserverless.quantum.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The arithmetic that the simulator and the transpiler's synthesis share, on hand-worked values.
 */
class ComplexMatrixTest {
  // [[1, 2i], [3, 4]]
  private final ComplexMatrix m = ComplexMatrix.of(2, 1, 0, 0, 2, 3, 0, 4, 0);

  @Test
  void determinant_of_a_two_by_two_is_ad_minus_bc() {
    // 1·4 − 2i·3 = 4 − 6i
    assertThat(m.determinant()).containsExactly(new double[] {4, -6}, within(1e-12));
  }

  @Test
  void determinant_of_a_singular_matrix_is_zero() {
    ComplexMatrix singular = ComplexMatrix.of(2, 1, 1, 2, 2, 1, 1, 2, 2);
    assertThat(singular.determinant()).containsExactly(new double[] {0, 0}, within(1e-12));
  }

  @Test
  void transpose_moves_entries_without_conjugating_them() {
    assertThat(m.transpose()).isEqualTo(ComplexMatrix.of(2, 1, 0, 3, 0, 0, 2, 4, 0));
  }

  @Test
  void minus_and_complex_scale_work_entrywise() {
    // (m − I) · i = [[0, −2], [3i, 3i]]
    ComplexMatrix r = m.minus(ComplexMatrix.identity(2)).scale(0, 1);
    assertThat(r.approxEquals(ComplexMatrix.of(2, 0, 0, -2, 0, 0, 3, 0, 3), 1e-12)).isTrue();
  }

  @Test
  void phase_to_recovers_a_global_phase_and_equivalence_ignores_it() {
    ComplexMatrix rotated = m.timesPhase(0.9);
    assertThat(rotated.phaseTo(m)).isCloseTo(0.9, within(1e-12));
    assertThat(rotated.equivalentUpToPhase(m, 1e-12)).isTrue();
    assertThat(m.transpose().equivalentUpToPhase(m, 1e-6)).isFalse();
  }
}
