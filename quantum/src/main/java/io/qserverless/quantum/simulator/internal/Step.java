package io.qserverless.quantum.simulator.internal;

import java.util.Arrays;

/**
 * One gate in the simulator's form, queued until a sweep applies it: a 2x2 matrix on a target under
 * control bits (every 1- and controlled 1-qubit gate), a controlled swap, or a dense matrix.
 *
 * <p>{@link #pairing} holds the qubits whose amplitudes the gate mixes; a sweep must hold those in
 * its chunk. Controls and the target of a diagonal gate only read an amplitude's index, so they may
 * lie outside the chunk, where each chunk has them fixed.
 */
final class Step {
  enum Kind {
    ONE,
    SWAP,
    DENSE
  }

  final Kind kind;

  /** Control bits that must be 1 (ONE and SWAP). */
  final int controls;

  /** ONE: the target; SWAP: the two swapped qubits a, b (a == b is a controlled X). */
  final int a;

  final int b;

  /** DENSE: the qubits, first one least significant in the matrix. */
  final int[] qubits;

  /** ONE: [m00, m01; m10, m11] interleaved; DENSE: row-major interleaved. */
  final double[] m;

  final int touched;
  final int pairing;

  private Step(Kind kind, int controls, int a, int b, int[] qubits, double[] m) {
    this.kind = kind;
    this.controls = controls;
    this.a = a;
    this.b = b;
    this.qubits = qubits;
    this.m = m;
    int pair =
        switch (kind) {
          case ONE -> isDiagonal(m) ? 0 : 1 << a;
          case SWAP -> (1 << a) | (1 << b);
          case DENSE -> maskOf(qubits);
        };
    this.pairing = pair;
    this.touched = pair | controls | (kind == Kind.DENSE ? 0 : (1 << a) | (1 << b));
  }

  static Step one(int controls, int target, double[] m) {
    return new Step(Kind.ONE, controls, target, target, null, m);
  }

  static Step swap(int controls, int a, int b) {
    return new Step(Kind.SWAP, controls, a, b, null, null);
  }

  static Step dense(int[] qubits, double[] m) {
    return new Step(Kind.DENSE, 0, 0, 0, qubits.clone(), m);
  }

  static boolean isDiagonal(double[] m) {
    return m[2] == 0 && m[3] == 0 && m[4] == 0 && m[5] == 0;
  }

  static int maskOf(int[] qubits) {
    int mask = 0;
    for (int q : qubits) {
      mask |= 1 << q;
    }
    return mask;
  }

  /** Applies the step to a whole state of {@code n} qubits. */
  void apply(double[] s, int n) {
    switch (kind) {
      case ONE -> oneQubit(s, n, controls, a, m);
      case SWAP -> Kernels.swap(s, n, sortedBits(controls | (1 << a) | (1 << b)), controls, a, b);
      case DENSE -> Kernels.dense(s, n, qubits, sortedBits(maskOf(qubits)), m);
    }
  }

  /**
   * This step on one chunk of a sweep: {@code local[q]} is global qubit q's bit in the chunk (or
   * -1), {@code base} the chunk's fixed global bits. Null if the step does nothing on the chunk (a
   * control outside reads 0, or a diagonal factor outside is 1).
   */
  Step localise(int[] local, int inside, int base) {
    int outside = controls & ~inside;
    if ((base & outside) != outside) {
      return null;
    }
    int c = remap(controls & inside, local);
    return switch (kind) {
      case ONE -> {
        if ((inside >> a & 1) != 0) {
          yield one(c, local[a], m);
        }
        // a diagonal gate on a fixed target: one factor for the whole chunk, under the controls
        int f = (base >> a & 1) == 0 ? 0 : 6;
        if (m[f] == 1 && m[f + 1] == 0) {
          yield null;
        }
        yield scale(c, m[f], m[f + 1]);
      }
      case SWAP -> swap(c, local[a], local[b]);
      case DENSE -> {
        int[] q = new int[qubits.length];
        for (int i = 0; i < q.length; i++) {
          q[i] = local[qubits[i]];
        }
        yield dense(q, m);
      }
    };
  }

  /** Multiplies the amplitudes whose {@code controls} bits are all 1 by re + i im. */
  private static Step scale(int controls, double re, double im) {
    if (controls == 0) {
      return one(0, 0, new double[] {re, im, 0, 0, 0, 0, re, im});
    }
    int t = 31 - Integer.numberOfLeadingZeros(controls);
    return one(controls & ~(1 << t), t, new double[] {1, 0, 0, 0, 0, 0, re, im});
  }

  private static int remap(int mask, int[] local) {
    int r = 0;
    for (; mask != 0; mask &= mask - 1) {
      r |= 1 << local[Integer.numberOfTrailingZeros(mask)];
    }
    return r;
  }

  /** A 2x2 gate by the cheapest kernel: diagonal (identity skipped), anti-diagonal or general. */
  private static void oneQubit(double[] s, int n, int controls, int target, double[] m) {
    if (n <= Kernels.SMALL_QUBITS) {
      Kernels.small(s, n, controls, target, m);
      return;
    }
    int[] fixed = sortedBits(controls | (1 << target));
    if (isDiagonal(m)) {
      if (!(m[0] == 1 && m[1] == 0 && m[6] == 1 && m[7] == 0)) {
        Kernels.diagonal(s, n, fixed, controls, target, m);
      }
    } else if (m[0] == 0 && m[1] == 0 && m[6] == 0 && m[7] == 0) {
      Kernels.antiDiagonal(s, n, fixed, controls, target, m);
    } else {
      Kernels.general(s, n, fixed, controls, target, m);
    }
  }

  static int[] sortedBits(int mask) {
    int[] f = new int[Integer.bitCount(mask)];
    for (int i = 0; mask != 0; mask &= mask - 1) {
      f[i++] = Integer.numberOfTrailingZeros(mask);
    }
    return f;
  }

  @Override
  public String toString() {
    return kind
        + " controls="
        + Integer.toBinaryString(controls)
        + " a="
        + a
        + " b="
        + b
        + (qubits == null ? "" : " qubits=" + Arrays.toString(qubits));
  }
}
