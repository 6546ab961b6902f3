package io.qserverless.quantum.math;

import java.util.Arrays;

/**
 * An immutable square complex matrix, stored row-major with real and imaginary parts interleaved.
 *
 * <p>Gate matrices use Qiskit's little-endian convention: basis index {@code i} has qubit k's value
 * in bit k, so for a two-qubit gate on (q0, q1) the row index is {@code q0 + 2*q1}.
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
          "a "
              + dim
              + "x"
              + dim
              + " complex matrix needs "
              + 2 * dim * dim
              + " doubles, got "
              + reIm.length);
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

  /** The permutation matrix sending basis state {@code j} to {@code image[j]}. */
  public static ComplexMatrix permutation(int... image) {
    int dim = image.length;
    double[] a = new double[2 * dim * dim];
    for (int j = 0; j < dim; j++) {
      a[2 * (image[j] * dim + j)] = 1;
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

  /** The transpose (no conjugation). */
  public ComplexMatrix transpose() {
    double[] r = new double[a.length];
    for (int i = 0; i < dim; i++) {
      for (int j = 0; j < dim; j++) {
        r[2 * (j * dim + i)] = re(i, j);
        r[2 * (j * dim + i) + 1] = im(i, j);
      }
    }
    return new ComplexMatrix(dim, r);
  }

  /** This matrix times the complex number {@code (re, im)}. */
  public ComplexMatrix scale(double re, double im) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i += 2) {
      r[i] = a[i] * re - a[i + 1] * im;
      r[i + 1] = a[i] * im + a[i + 1] * re;
    }
    return new ComplexMatrix(dim, r);
  }

  /** This matrix times e^{i phase}. */
  public ComplexMatrix timesPhase(double phase) {
    return scale(Math.cos(phase), Math.sin(phase));
  }

  public ComplexMatrix minus(ComplexMatrix other) {
    requireSameDim(other);
    double[] r = a.clone();
    for (int i = 0; i < a.length; i++) {
      r[i] -= other.a[i];
    }
    return new ComplexMatrix(dim, r);
  }

  /** The determinant as {@code {re, im}}, by Gaussian elimination with partial pivoting. */
  public double[] determinant() {
    double[] m = a.clone();
    double dr = 1;
    double di = 0;
    for (int col = 0; col < dim; col++) {
      int piv = col;
      for (int r = col + 1; r < dim; r++) {
        if (abs2(m, r, col) > abs2(m, piv, col)) {
          piv = r;
        }
      }
      if (abs2(m, piv, col) == 0) {
        return new double[] {0, 0};
      }
      if (piv != col) {
        for (int c = 0; c < 2 * dim; c++) {
          double t = m[2 * col * dim + c];
          m[2 * col * dim + c] = m[2 * piv * dim + c];
          m[2 * piv * dim + c] = t;
        }
        dr = -dr;
        di = -di;
      }
      double pr = m[2 * (col * dim + col)];
      double pi = m[2 * (col * dim + col) + 1];
      double t = dr * pr - di * pi;
      di = dr * pi + di * pr;
      dr = t;
      double p2 = pr * pr + pi * pi;
      for (int r = col + 1; r < dim; r++) {
        double xr = m[2 * (r * dim + col)];
        double xi = m[2 * (r * dim + col) + 1];
        double fr = (xr * pr + xi * pi) / p2;
        double fi = (xi * pr - xr * pi) / p2;
        for (int c = col; c < dim; c++) {
          double yr = m[2 * (col * dim + c)];
          double yi = m[2 * (col * dim + c) + 1];
          m[2 * (r * dim + c)] -= fr * yr - fi * yi;
          m[2 * (r * dim + c) + 1] -= fr * yi + fi * yr;
        }
      }
    }
    return new double[] {dr, di};
  }

  private double abs2(double[] m, int r, int c) {
    double x = m[2 * (r * dim + c)];
    double y = m[2 * (r * dim + c) + 1];
    return x * x + y * y;
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

  /**
   * The global phase φ with {@code this ≈ e^{iφ} · other}, read off {@code other}'s largest entry
   * (the best-conditioned one).
   */
  public double phaseTo(ComplexMatrix other) {
    int best = 0;
    double bestAbs2 = -1;
    for (int i = 0; i < a.length; i += 2) {
      double abs2 = other.a[i] * other.a[i] + other.a[i + 1] * other.a[i + 1];
      if (abs2 > bestAbs2) {
        bestAbs2 = abs2;
        best = i;
      }
    }
    // arg(this[best] · conj(other[best]))
    double re = a[best] * other.a[best] + a[best + 1] * other.a[best + 1];
    double im = a[best + 1] * other.a[best] - a[best] * other.a[best + 1];
    return Math.atan2(im, re);
  }

  /** True if {@code this = e^{iφ} · other} for some global phase φ, within {@code tol}. */
  public boolean equivalentUpToPhase(ComplexMatrix other, double tol) {
    return other.dim == dim && approxEquals(other.timesPhase(phaseTo(other)), tol);
  }

  public boolean isUnitary(double tol) {
    return multiply(adjoint()).approxEquals(identity(dim), tol);
  }

  /**
   * Applies this k-qubit matrix in place to an interleaved statevector of {@code numQubits} qubits,
   * acting on {@code qubits} (qubits[0] is the matrix's least significant qubit). The generic
   * kernel: O(2^n · 2^k) work, used for small or rare gates.
   */
  public void applyTo(double[] state, int numQubits, int[] qubits) {
    int k = qubits.length;
    if (1 << k != dim) {
      throw new IllegalArgumentException(
          "a " + dim + "x" + dim + " matrix cannot act on " + k + " qubits");
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
