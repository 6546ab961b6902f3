package io.qserverless.quantum.math;

import java.util.Arrays;

/**
 * An immutable square complex matrix, stored row-major with real and imaginary parts interleaved.
 *
 * <p>Gate matrices use Qiskit's little-endian convention: basis index {@code i} has qubit k's
 * value in bit k, so for a two-qubit gate on (q0, q1) the row index is {@code q0 + 2*q1}.
 */
public final class ComplexMatrix {
  private final int dim;
  private final double[] a;

  private ComplexMatrix(int dim, double[] a) {
    this.dim = dim;
    this.a = a;
  }

  /** A matrix from row-major interleaved (re, im) values; the array is copied. */
  public static ComplexMatrix of(int dim, double... reIm) {
    if (reIm.length != 2 * dim * dim) {
      throw new IllegalArgumentException(
          "a " + dim + "x" + dim + " complex matrix needs " + 2 * dim * dim + " doubles, got " + reIm.length);
    }
    return new ComplexMatrix(dim, reIm.clone());
  }

  public static ComplexMatrix identity(int dim) {
    double[] a = new double[2 * dim * dim];
    for (int i = 0; i < dim; i++) {
      a[2 * (i * dim + i)] = 1;
    }
    return new ComplexMatrix(dim, a);
  }

  /** A diagonal matrix with entries e^{i phases[k]}. */
  public static ComplexMatrix phaseDiagonal(double... phases) {
    int dim = phases.length;
    double[] a = new double[2 * dim * dim];
    for (int i = 0; i < dim; i++) {
      a[2 * (i * dim + i)] = Math.cos(phases[i]);
      a[2 * (i * dim + i) + 1] = Math.sin(phases[i]);
    }
    return new ComplexMatrix(dim, a);
  }

  public int dim() {
    return dim;
  }

  public int numQubits() {
    return Integer.numberOfTrailingZeros(dim);
  }

  public double re(int row, int col) {
    return a[2 * (row * dim + col)];
  }

  public double im(int row, int col) {
    return a[2 * (row * dim + col) + 1];
  }

  /** A copy of the row-major interleaved values. */
  public double[] toArray() {
    return a.clone();
  }

  /** The product {@code this · other} (apply {@code other} first). */
  public ComplexMatrix multiply(ComplexMatrix other) {
    requireSameDim(other);
    double[] r = new double[a.length];
    for (int i = 0; i < dim; i++) {
      for (int k = 0; k < dim; k++) {
        double xr = re(i, k), xi = im(i, k);
        if (xr == 0 && xi == 0) {
          continue;
        }
        for (int j = 0; j < dim; j++) {
          double yr = other.re(k, j), yi = other.im(k, j);
          r[2 * (i * dim + j)] += xr * yr - xi * yi;
          r[2 * (i * dim + j) + 1] += xr * yi + xi * yr;
        }
      }
    }
    return new ComplexMatrix(dim, r);
  }

  /** The Kronecker product {@code this ⊗ low}: {@code low} acts on the less significant qubits. */
  public ComplexMatrix tensor(ComplexMatrix low) {
    int d = dim * low.dim;
    double[] r = new double[2 * d * d];
    for (int i = 0; i < dim; i++) {
      for (int j = 0; j < dim; j++) {
        for (int k = 0; k < low.dim; k++) {
          for (int l = 0; l < low.dim; l++) {
            int idx = 2 * ((i * low.dim + k) * d + j * low.dim + l);
            r[idx] = re(i, j) * low.re(k, l) - im(i, j) * low.im(k, l);
            r[idx + 1] = re(i, j) * low.im(k, l) + im(i, j) * low.re(k, l);
          }
        }
      }
    }
    return new ComplexMatrix(d, r);
  }

  public ComplexMatrix adjoint() {
    double[] r = new double[a.length];
    for (int i = 0; i < dim; i++) {
      for (int j = 0; j < dim; j++) {
        r[2 * (j * dim + i)] = re(i, j);
        r[2 * (j * dim + i) + 1] = -im(i, j);
      }
    }
    return new ComplexMatrix(dim, r);
  }

  /** This matrix times e^{i phase}. */
  public ComplexMatrix timesPhase(double phase) {
    double c = Math.cos(phase), s = Math.sin(phase);
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i += 2) {
      r[i] = a[i] * c - a[i + 1] * s;
      r[i + 1] = a[i] * s + a[i + 1] * c;
    }
    return new ComplexMatrix(dim, r);
  }

  /** True if every entry differs from {@code other}'s by at most {@code tol} in modulus. */
  public boolean approxEquals(ComplexMatrix other, double tol) {
    if (other.dim != dim) {
      return false;
    }
    for (int i = 0; i < a.length; i += 2) {
      if (Math.hypot(a[i] - other.a[i], a[i + 1] - other.a[i + 1]) > tol) {
        return false;
      }
    }
    return true;
  }

  /** True if {@code this = e^{iφ} · other} for some global phase φ, within {@code tol}. */
  public boolean equivalentUpToPhase(ComplexMatrix other, double tol) {
    if (other.dim != dim) {
      return false;
    }
    int best = 0;
    for (int i = 0; i < a.length; i += 2) {
      if (Math.hypot(other.a[i], other.a[i + 1]) > Math.hypot(other.a[best], other.a[best + 1])) {
        best = i;
      }
    }
    double phase = Math.atan2(a[best + 1], a[best]) - Math.atan2(other.a[best + 1], other.a[best]);
    return approxEquals(other.timesPhase(phase), tol);
  }

  public boolean isUnitary(double tol) {
    return multiply(adjoint()).approxEquals(identity(dim), tol);
  }

  /**
   * Applies this k-qubit matrix in place to an interleaved statevector of {@code numQubits}
   * qubits, acting on {@code qubits} (qubits[0] is the matrix's least significant qubit).
   * The generic kernel: O(2^n · 2^k) work, used for small or rare gates.
   */
  public void applyTo(double[] state, int numQubits, int[] qubits) {
    int k = qubits.length;
    if (1 << k != dim) {
      throw new IllegalArgumentException("a " + dim + "x" + dim + " matrix cannot act on " + k + " qubits");
    }
    int[] offsets = new int[dim];
    for (int m = 0; m < dim; m++) {
      for (int b = 0; b < k; b++) {
        if ((m >> b & 1) != 0) {
          offsets[m] |= 1 << qubits[b];
        }
      }
    }
    int[] sorted = qubits.clone();
    Arrays.sort(sorted);
    double[] inRe = new double[dim], inIm = new double[dim];
    long groups = 1L << (numQubits - k);
    for (long g = 0; g < groups; g++) {
      int base = (int) g;
      for (int q : sorted) {
        base = (base >> q << (q + 1)) | (base & ((1 << q) - 1));
      }
      for (int m = 0; m < dim; m++) {
        inRe[m] = state[2 * (base | offsets[m])];
        inIm[m] = state[2 * (base | offsets[m]) + 1];
      }
      for (int r = 0; r < dim; r++) {
        double sr = 0, si = 0;
        for (int c = 0; c < dim; c++) {
          double mr = a[2 * (r * dim + c)], mi = a[2 * (r * dim + c) + 1];
          sr += mr * inRe[c] - mi * inIm[c];
          si += mr * inIm[c] + mi * inRe[c];
        }
        state[2 * (base | offsets[r])] = sr;
        state[2 * (base | offsets[r]) + 1] = si;
      }
    }
  }

  private void requireSameDim(ComplexMatrix other) {
    if (other.dim != dim) {
      throw new IllegalArgumentException("matrix dimensions differ: " + dim + " and " + other.dim);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ComplexMatrix m && m.dim == dim && Arrays.equals(m.a, a);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(a);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < dim; i++) {
      sb.append(i == 0 ? "[[" : " [");
      for (int j = 0; j < dim; j++) {
        sb.append(String.format("%s%.4f%+.4fi", j == 0 ? "" : ", ", re(i, j), im(i, j)));
      }
      sb.append(i == dim - 1 ? "]]" : "]\n");
    }
    return sb.toString();
  }
}
