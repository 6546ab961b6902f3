package io.qserverless.quantum.transpiler.internal;

import io.qserverless.quantum.math.ComplexMatrix;

/**
 * The gate matrices that Euler and KAK synthesis build from, as {@link ComplexMatrix} values.
 *
 * <p>Unlike the rest of the library, two-qubit matrices here are big-endian in the operation's own
 * qubit order: row {@code 2·b0 + b1} where {@code b0} is the first qubit's bit (the control of a
 * CX), so that {@code a.tensor(b)} puts {@code a} on the first qubit as the synthesis formulas are
 * written. {@link #fromLittleEndian} converts Qiskit's little-endian gate matrices; the arithmetic
 * itself is ComplexMatrix's and does not depend on the convention.
 */
public final class SynthesisGates {
  private static final double S = Math.sqrt(0.5);
  public static final ComplexMatrix I2 = ComplexMatrix.identity(2);
  public static final ComplexMatrix X = ComplexMatrix.of(2, 0, 0, 1, 0, 1, 0, 0, 0);
  public static final ComplexMatrix Y = ComplexMatrix.of(2, 0, 0, 0, -1, 0, 1, 0, 0);
  public static final ComplexMatrix Z = ComplexMatrix.of(2, 1, 0, 0, 0, 0, 0, -1, 0);
  public static final ComplexMatrix H = ComplexMatrix.of(2, S, 0, S, 0, S, 0, -S, 0);
  public static final ComplexMatrix SX =
      ComplexMatrix.of(2, 0.5, 0.5, 0.5, -0.5, 0.5, -0.5, 0.5, 0.5);
  public static final ComplexMatrix CX = ComplexMatrix.permutation(0, 1, 3, 2);
  public static final ComplexMatrix CZ =
      ComplexMatrix.of(
          4, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0,
          0, -1, 0);
  public static final ComplexMatrix SWAP = ComplexMatrix.permutation(0, 2, 1, 3);

  /** ECR = (X⊗I − Y⊗X)/√2, with the first qubit on the left. */
  public static final ComplexMatrix ECR = X.tensor(I2).minus(Y.tensor(X)).scale(S, 0);

  private SynthesisGates() {}

  /** RZ(θ) = diag(e^{-iθ/2}, e^{iθ/2}). */
  public static ComplexMatrix rz(double t) {
    double c = Math.cos(t / 2);
    double s = Math.sin(t / 2);
    return ComplexMatrix.of(2, c, -s, 0, 0, 0, 0, c, s);
  }

  /** RY(θ) = exp(-iθY/2). */
  public static ComplexMatrix ry(double t) {
    double c = Math.cos(t / 2);
    double s = Math.sin(t / 2);
    return ComplexMatrix.of(2, c, 0, -s, 0, s, 0, c, 0);
  }

  /** RX(θ) = exp(-iθX/2). */
  public static ComplexMatrix rx(double t) {
    double c = Math.cos(t / 2);
    double s = Math.sin(t / 2);
    return ComplexMatrix.of(2, c, 0, 0, -s, 0, -s, c, 0);
  }

  /** A gate matrix in Qiskit's little-endian order, in this class's big-endian order. */
  public static ComplexMatrix fromLittleEndian(ComplexMatrix m) {
    return m.dim() == 4 ? swapQubits(m) : m;
  }

  /**
   * The two-qubit matrix with its qubits exchanged, i.e. SWAP·m·SWAP (also the little/big-endian
   * conversion); done as an index permutation since it sits on the transpiler's hot path.
   */
  public static ComplexMatrix swapQubits(ComplexMatrix m) {
    int[] p = {0, 2, 1, 3};
    double[] in = m.toArray();
    double[] out = new double[32];
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        out[2 * (p[r] * 4 + p[c])] = in[2 * (r * 4 + c)];
        out[2 * (p[r] * 4 + p[c]) + 1] = in[2 * (r * 4 + c) + 1];
      }
    }
    return ComplexMatrix.of(4, out);
  }
}
