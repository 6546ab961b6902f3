package io.qserverless.quantum.transpiler.internal;

/**
 * Cyclic Jacobi eigen-decomposition of a small real symmetric matrix: {@code A = V·diag·Vᵀ} with
 * {@code V} orthogonal. Used by the KAK decomposition, which needs one real orthogonal basis
 * diagonalising two commuting symmetric matrices at once.
 */
final class RealSymmetricEigen {
  private RealSymmetricEigen() {}

  /** The orthogonal eigenvector matrix {@code V} (columns), row-major {@code n×n}. */
  static double[][] eigenvectors(double[][] input) {
    int n = input.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = input[i].clone();
    }
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) {
      v[i][i] = 1;
    }
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          off += a[p][q] * a[p][q];
        }
      }
      if (off < 1e-30) {
        break;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          if (Math.abs(a[p][q]) < 1e-300) {
            continue;
          }
          double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
          }
          for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
          }
          for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
          }
        }
      }
    }
    return v;
  }
}
