package io.qserverless.quantum.simulator.internal;

/**
 * An uncontrolled diagonal gate as one pass in address order: the amplitudes come in blocks of
 * 2^target that alternate between the factors d0 and d1, so no pair is formed and even the top
 * qubit streams through memory like a copy (the pair walk would keep two streams half the state
 * apart). Each block is a constant-stride loop, which the JIT unrolls without bounds checks.
 */
final class DiagonalPass {
  /** Lowest target run as one loop per block of 2^target amplitudes. */
  static final int BLOCK_TARGET = 3;

  private DiagonalPass() {}

  /** Multiplies each amplitude by m[0] + i m[1] if its target bit is 0, else by m[6] + i m[7]. */
  static void apply(double[] s, int target, double[] m) {
    int block = 1 << target;
    Parallel.forRange(
        s.length / 2,
        (from, to) -> {
          if (target < BLOCK_TARGET) {
            // blocks too short for a loop each: pick the factor per amplitude
            double[] fr = {m[0], m[6]}, fi = {m[1], m[7]};
            for (int a = from, i = 2 * from; a < to; a++, i += 2) {
              int f = a >> target & 1;
              double re = s[i], im = s[i + 1];
              s[i] = fr[f] * re - fi[f] * im;
              s[i + 1] = fr[f] * im + fi[f] * re;
            }
            return;
          }
          for (int a = from; a < to; ) {
            int end = Math.min(to, (a | (block - 1)) + 1);
            int f = (a & block) == 0 ? 0 : 6;
            double fr = m[f], fi = m[f + 1];
            for (int i = 2 * a, stop = 2 * end; i < stop; i += 2) {
              double re = s[i], im = s[i + 1];
              s[i] = fr * re - fi * im;
              s[i + 1] = fr * im + fi * re;
            }
            a = end;
          }
        });
  }
}
