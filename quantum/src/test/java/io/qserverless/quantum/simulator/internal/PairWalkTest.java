package io.qserverless.quantum.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The buffered walk (used in production only for partners 2^24 amplitudes apart, too large for a
 * unit test) forced on small states, against the direct walk: same pairs, same results.
 */
class PairWalkTest {
  /** A non-linear body, so that a pair visited twice or missed changes the result. */
  private static final PairWalk.Pairs BODY =
      (x, i, y, j, n, step, reps, gap) -> {
        for (int r = 0; r < reps; r++, i += gap, j += gap) {
          for (int stop = i + n * step; i < stop; i += step, j += step) {
            double a = x[i], b = y[j];
            x[i] = a * 0.6 - b * 0.8 + 0.1;
            y[j] = a * b + 0.3;
            x[i + 1] += 1;
            y[j + 1] -= 2;
          }
        }
      };

  @Test
  void buffered_walk_visits_exactly_the_pairs_of_the_direct_walk() {
    SplittableRandom rnd = new SplittableRandom(1);
    int n = 17;
    int[][] cases = {
      {16}, {0, 16}, {1, 16}, {0, 1, 16}, {2, 16}, {1, 9, 16}, {0, 4, 8, 16}, {15, 16}, {3}, {0}
    };
    for (int[] fixed : cases) {
      int target = fixed[fixed.length - 1];
      int controls = 0;
      for (int i = 0; i < fixed.length - 1; i++) {
        controls |= 1 << fixed[i];
      }
      double[] direct = new double[2 << n];
      for (int i = 0; i < direct.length; i++) {
        direct[i] = rnd.nextDouble();
      }
      double[] buffered = direct.clone();
      int[] sorted = fixed.clone();
      java.util.Arrays.sort(sorted);
      PairWalk.forEachPair(direct, n, sorted, controls, 1 << target, BODY, Integer.MAX_VALUE);
      PairWalk.forEachPair(buffered, n, sorted, controls, 1 << target, BODY, 0);
      assertThat(buffered).as("fixed %s", java.util.Arrays.toString(fixed)).isEqualTo(direct);
    }
  }
}
