package io.qserverless.quantum.transpiler.internal;

import java.util.Arrays;

/**
 * A small square complex matrix (2×2 or 4×4 in practice), row-major with real and imaginary parts
 * interleaved, for gate synthesis.
 *
 * <p>Two-qubit matrices here are big-endian in the operation's own qubit order: row {@code 2·b0 +
 * b1} where {@code b0} is the first qubit's bit (the control of a CX). {@link #fromLittleEndian}
 * converts Qiskit's little-endian matrices. Immutable.
 */
public final class Mat {
  private static final double S = Math.sqrt(0.5);
  public static final Mat I2 = of(2, 1, 0, 0, 0, 0, 0, 1, 0);
  public static final Mat X = of(2, 0, 0, 1, 0, 1, 0, 0, 0);
  public static final Mat Y = of(2, 0, 0, 0, -1, 0, 1, 0, 0);
  public static final Mat Z = of(2, 1, 0, 0, 0, 0, 0, -1, 0);
  public static final Mat H = of(2, S, 0, S, 0, S, 0, -S, 0);
  public static final Mat SX = of(2, 0.5, 0.5, 0.5, -0.5, 0.5, -0.5, 0.5, 0.5);
  public static final Mat CX =
      perm(new int[] {0, 1, 3, 2});
  public static final Mat CZ = of(4, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 0);
  public static final Mat SWAP = perm(new int[] {0, 2, 1, 3});
  /** ECR = (X⊗I − Y⊗X)/√2, with the first qubit on the left. */
  public static final Mat ECR = X.kron(I2).minus(Y.kron(X)).scale(S, 0);

  final int n;
  final double[] a;

  private Mat(int n, double[] a) {
    this.n = n;
    this.a = a;
  }

  /** A matrix from row-major interleaved (re, im) values; the array is copied. */
  public static Mat of(int n, double... reIm) {
    if (reIm.length != 2 * n * n) {
      throw new IllegalArgumentException("expected " + 2 * n * n + " values, got " + reIm.length);
    }
    return new Mat(n, reIm.clone());
  }

  public static Mat identity(int n) {
    double[] a = new double[2 * n * n];
    for (int i = 0; i < n; i++) {
      a[2 * (i * n + i)] = 1;
    }
    return new Mat(n, a);
  }

  private static Mat perm(int[] rowOfColumn) {
    int n = rowOfColumn.length;
    double[] a = new double[2 * n * n];
    for (int c = 0; c < n; c++) {
      a[2 * (rowOfColumn[c] * n + c)] = 1;
    }
    return new Mat(n, a);
  }

  /** RZ(θ) = diag(e^{-iθ/2}, e^{iθ/2}). */
  public static Mat rz(double t) {
    double c = Math.cos(t / 2);
    double s = Math.sin(t / 2);
    return of(2, c, -s, 0, 0, 0, 0, c, s);
  }

  /** RY(θ) = exp(-iθY/2). */
  public static Mat ry(double t) {
    double c = Math.cos(t / 2);
    double s = Math.sin(t / 2);
    return of(2, c, 0, -s, 0, s, 0, c, 0);
  }

  /** RX(θ) = exp(-iθX/2). */
  public static Mat rx(double t) {
    double c = Math.cos(t / 2);
    double s = Math.sin(t / 2);
    return of(2, c, 0, 0, -s, 0, -s, c, 0);
  }

  /** A two-qubit matrix given in Qiskit's little-endian order, in this class's order. */
  public static Mat fromLittleEndian(int n, double[] reIm) {
    if (n != 4) {
      return of(n, reIm);
    }
    int[] p = {0, 2, 1, 3};
    double[] a = new double[32];
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        a[2 * (p[r] * 4 + p[c])] = reIm[2 * (r * 4 + c)];
        a[2 * (p[r] * 4 + p[c]) + 1] = reIm[2 * (r * 4 + c) + 1];
      }
    }
    return new Mat(4, a);
  }

  public int dim() {
    return n;
  }

  public double re(int r, int c) {
    return a[2 * (r * n + c)];
  }

  public double im(int r, int c) {
    return a[2 * (r * n + c) + 1];
  }

  /** {@code this · o}: apply {@code o} first. */
  public Mat mul(Mat o) {
    double[] out = new double[2 * n * n];
    for (int r = 0; r < n; r++) {
      for (int k = 0; k < n; k++) {
        double xr = a[2 * (r * n + k)];
        double xi = a[2 * (r * n + k) + 1];
        if (xr == 0 && xi == 0) {
          continue;
        }
        for (int c = 0; c < n; c++) {
          double yr = o.a[2 * (k * n + c)];
          double yi = o.a[2 * (k * n + c) + 1];
          out[2 * (r * n + c)] += xr * yr - xi * yi;
          out[2 * (r * n + c) + 1] += xr * yi + xi * yr;
        }
      }
    }
    return new Mat(n, out);
  }

  /** {@code this ⊗ low}: {@code this} on the first qubit, {@code low} on the second. */
  public Mat kron(Mat low) {
    int m = n * low.n;
    double[] out = new double[2 * m * m];
    for (int r1 = 0; r1 < n; r1++) {
      for (int c1 = 0; c1 < n; c1++) {
        double xr = re(r1, c1);
        double xi = im(r1, c1);
        for (int r2 = 0; r2 < low.n; r2++) {
          for (int c2 = 0; c2 < low.n; c2++) {
            int idx = 2 * ((r1 * low.n + r2) * m + c1 * low.n + c2);
            double yr = low.re(r2, c2);
            double yi = low.im(r2, c2);
            out[idx] = xr * yr - xi * yi;
            out[idx + 1] = xr * yi + xi * yr;
          }
        }
      }
    }
    return new Mat(m, out);
  }

  public Mat dagger() {
    double[] out = new double[a.length];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        out[2 * (c * n + r)] = a[2 * (r * n + c)];
        out[2 * (c * n + r) + 1] = -a[2 * (r * n + c) + 1];
      }
    }
    return new Mat(n, out);
  }

  public Mat transpose() {
    double[] out = new double[a.length];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        out[2 * (c * n + r)] = a[2 * (r * n + c)];
        out[2 * (c * n + r) + 1] = a[2 * (r * n + c) + 1];
      }
    }
    return new Mat(n, out);
  }

  /** This matrix times the complex number {@code (re, im)}. */
  public Mat scale(double re, double im) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i += 2) {
      out[i] = a[i] * re - a[i + 1] * im;
      out[i + 1] = a[i] * im + a[i + 1] * re;
    }
    return new Mat(n, out);
  }

  public Mat minus(Mat o) {
    double[] out = a.clone();
    for (int i = 0; i < a.length; i++) {
      out[i] -= o.a[i];
    }
    return new Mat(n, out);
  }

  /** The two-qubit matrix with its qubits exchanged. */
  public Mat swapQubits() {
    return SWAP.mul(this).mul(SWAP);
  }

  /** The determinant as {@code {re, im}}, by Gaussian elimination with partial pivoting. */
  public double[] det() {
    double[] m = a.clone();
    double dr = 1;
    double di = 0;
    for (int col = 0; col < n; col++) {
      int piv = col;
      for (int r = col + 1; r < n; r++) {
        if (abs2(m, r, col) > abs2(m, piv, col)) {
          piv = r;
        }
      }
      if (abs2(m, piv, col) == 0) {
        return new double[] {0, 0};
      }
      if (piv != col) {
        for (int c = 0; c < 2 * n; c++) {
          double t = m[2 * col * n + c];
          m[2 * col * n + c] = m[2 * piv * n + c];
          m[2 * piv * n + c] = t;
        }
        dr = -dr;
        di = -di;
      }
      double pr = m[2 * (col * n + col)];
      double pi = m[2 * (col * n + col) + 1];
      double t = dr * pr - di * pi;
      di = dr * pi + di * pr;
      dr = t;
      double p2 = pr * pr + pi * pi;
      for (int r = col + 1; r < n; r++) {
        double xr = m[2 * (r * n + col)];
        double xi = m[2 * (r * n + col) + 1];
        double fr = (xr * pr + xi * pi) / p2;
        double fi = (xi * pr - xr * pi) / p2;
        for (int c = col; c < n; c++) {
          double yr = m[2 * (col * n + c)];
          double yi = m[2 * (col * n + c) + 1];
          m[2 * (r * n + c)] -= fr * yr - fi * yi;
          m[2 * (r * n + c) + 1] -= fr * yi + fi * yr;
        }
      }
    }
    return new double[] {dr, di};
  }

  private double abs2(double[] m, int r, int c) {
    double x = m[2 * (r * n + c)];
    double y = m[2 * (r * n + c) + 1];
    return x * x + y * y;
  }

  /** The φ with {@code this ≈ e^{iφ}·o}, read off the largest entry of {@code o}. */
  public double phaseTo(Mat o) {
    int best = 0;
    double bestAbs2 = -1;
    for (int i = 0; i < a.length; i += 2) {
      double abs2 = o.a[i] * o.a[i] + o.a[i + 1] * o.a[i + 1];
      if (abs2 > bestAbs2) {
        bestAbs2 = abs2;
        best = i;
      }
    }
    // arg(this[best] · conj(o[best]))
    double re = a[best] * o.a[best] + a[best + 1] * o.a[best + 1];
    double im = a[best + 1] * o.a[best] - a[best] * o.a[best + 1];
    return Math.atan2(im, re);
  }

  /** Whether {@code this = e^{iφ}·o} for some φ, entrywise within {@code tol}. */
  public boolean equalsUpToPhase(Mat o, double tol) {
    int best = 0;
    double bestAbs2 = -1;
    for (int i = 0; i < a.length; i += 2) {
      double abs2 = o.a[i] * o.a[i] + o.a[i + 1] * o.a[i + 1];
      if (abs2 > bestAbs2) {
        bestAbs2 = abs2;
        best = i;
      }
    }
    double orr = o.a[best];
    double oi = o.a[best + 1];
    double o2 = orr * orr + oi * oi;
    if (o2 == 0) {
      return false;
    }
    // phase = this[best] / o[best]
    double pr = (a[best] * orr + a[best + 1] * oi) / o2;
    double pi = (a[best + 1] * orr - a[best] * oi) / o2;
    for (int i = 0; i < a.length; i += 2) {
      double er = o.a[i] * pr - o.a[i + 1] * pi - a[i];
      double ei = o.a[i] * pi + o.a[i + 1] * pr - a[i + 1];
      if (Math.hypot(er, ei) > tol) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "Mat" + n + Arrays.toString(a);
  }
}
