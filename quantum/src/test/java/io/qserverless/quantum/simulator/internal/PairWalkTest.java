package io.qserverless.quantum.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The walk's runs and groups against a plain loop over every index: the same pairs, each once, on a
 * state large enough to be split into parallel chunks.
 */
class PairWalkTest {
  @Test
  void walk_visits_exactly_the_pairs_a_plain_loop_finds() {
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
      double[] walked = new double[2 << n];
      for (int i = 0; i < walked.length; i++) {
        walked[i] = rnd.nextDouble();
      }
      double[] looped = walked.clone();
      int[] sorted = fixed.clone();
      Arrays.sort(sorted);
      int bit = 1 << target;
      PairWalk.forEachPair(
          n,
          sorted,
          controls,
          bit,
          (i, j, count, step, reps, gap) -> {
            for (int r = 0; r < reps; r++, i += gap, j += gap) {
              for (int stop = i + count * step; i < stop; i += step, j += step) {
                mix(walked, i, j);
              }
            }
          });
      for (int i0 = 0; i0 < 1 << n; i0++) {
        if ((i0 & bit) == 0 && (i0 & controls) == controls) {
          mix(looped, 2 * i0, 2 * (i0 | bit));
        }
      }
      assertThat(walked).as("fixed %s", Arrays.toString(fixed)).isEqualTo(looped);
    }
  }

  /** Non-linear, so that a pair visited twice or missed changes the result. */
  private static void mix(double[] s, int i, int j) {
    double a = s[i], b = s[j];
    s[i] = a * 0.6 - b * 0.8 + 0.1;
    s[j] = a * b + 0.3;
    s[i + 1] += 1;
    s[j + 1] -= 2;
  }
}
