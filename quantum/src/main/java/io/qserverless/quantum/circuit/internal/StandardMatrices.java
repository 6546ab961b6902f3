package io.qserverless.quantum.circuit.internal;

import io.qserverless.quantum.circuit.StandardGate;
import io.qserverless.quantum.math.ComplexMatrix;

/**
 * The matrices of the standard gates, entry by entry from Qiskit's documented definitions
 * (little-endian: the first qubit argument is the least significant index bit).
 */
public final class StandardMatrices {
  private static final double R2 = Math.sqrt(0.5);

  private StandardMatrices() {}

  public static ComplexMatrix of(StandardGate g, int numQubits, double[] p) {
    return switch (g) {
      case I -> ComplexMatrix.identity(2);
      case X -> m2(0, 0, 1, 0, 1, 0, 0, 0);
      case Y -> m2(0, 0, 0, -1, 0, 1, 0, 0);
      case Z -> ComplexMatrix.phaseDiagonal(0, Math.PI);
      case H -> m2(R2, 0, R2, 0, R2, 0, -R2, 0);
      case S -> ComplexMatrix.phaseDiagonal(0, Math.PI / 2);
      case SDG -> ComplexMatrix.phaseDiagonal(0, -Math.PI / 2);
      case T -> ComplexMatrix.phaseDiagonal(0, Math.PI / 4);
      case TDG -> ComplexMatrix.phaseDiagonal(0, -Math.PI / 4);
      case SX -> m2(.5, .5, .5, -.5, .5, -.5, .5, .5);
      case SXDG -> m2(.5, -.5, .5, .5, .5, .5, .5, -.5);
      case RX -> r(p[0], 0);
      case RY -> u(p[0], 0, 0);
      case RZ -> ComplexMatrix.phaseDiagonal(-p[0] / 2, p[0] / 2);
      case P, U1 -> ComplexMatrix.phaseDiagonal(0, p[0]);
      case R -> r(p[0], p[1]);
      case U, U3 -> u(p[0], p[1], p[2]);
      case U2 -> u(Math.PI / 2, p[0], p[1]);
      case CX -> controlled(1, of(StandardGate.X, 1, p));
      case CY -> controlled(1, of(StandardGate.Y, 1, p));
      case CZ -> controlled(1, of(StandardGate.Z, 1, p));
      case CH -> controlled(1, of(StandardGate.H, 1, p));
      case CS -> controlled(1, of(StandardGate.S, 1, p));
      case CSDG -> controlled(1, of(StandardGate.SDG, 1, p));
      case CSX -> controlled(1, of(StandardGate.SX, 1, p));
      case CP, CU1 -> controlled(1, of(StandardGate.P, 1, p));
      case CRX -> controlled(1, of(StandardGate.RX, 1, p));
      case CRY -> controlled(1, of(StandardGate.RY, 1, p));
      case CRZ -> controlled(1, of(StandardGate.RZ, 1, p));
      case CU -> controlled(1, u(p[0], p[1], p[2]).timesPhase(p[3]));
      case CU3 -> controlled(1, u(p[0], p[1], p[2]));
      case SWAP -> ComplexMatrix.permutation(0, 2, 1, 3);
      case ISWAP ->
          ComplexMatrix.of(
              4, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0,
              0, 0, 1, 0);
      case DCX -> ComplexMatrix.permutation(0, 2, 3, 1);
      case ECR ->
          ComplexMatrix.of(
              4, 0, 0, R2, 0, 0, 0, 0, R2, R2, 0, 0, 0, 0, -R2, 0, 0, 0, 0, 0, R2, 0, 0, R2, 0, 0,
              -R2, 0, 0, R2, 0, 0, 0);
      case RXX -> pairRotation(p[0], -1, -1);
      case RYY -> pairRotation(p[0], 1, -1);
      case RZZ -> ComplexMatrix.phaseDiagonal(-p[0] / 2, p[0] / 2, p[0] / 2, -p[0] / 2);
      case RZX -> rzx(p[0]);
      case XX_MINUS_YY -> xxyy(p[0], p[1], 0, 3);
      case XX_PLUS_YY -> xxyy(p[0], p[1], 1, 2);
      case CCX -> controlled(2, of(StandardGate.X, 1, p));
      case CCZ -> controlled(2, of(StandardGate.Z, 1, p));
      case CSWAP -> controlled(1, ComplexMatrix.permutation(0, 2, 1, 3));
      case RCCX -> rccx();
      case C3SX -> controlled(3, of(StandardGate.SX, 1, p));
      case RC3X -> rc3x();
      case MCX -> controlled(numQubits - 1, of(StandardGate.X, 1, p));
      case MCP -> controlled(numQubits - 1, of(StandardGate.P, 1, p));
    };
  }

  private static ComplexMatrix m2(double... reIm) {
    return ComplexMatrix.of(2, reIm);
  }

  /** Qiskit's U(θ,φ,λ) = [[cos, -e^{iλ} sin], [e^{iφ} sin, e^{i(φ+λ)} cos]] with half angles. */
  private static ComplexMatrix u(double theta, double phi, double lam) {
    double c = Math.cos(theta / 2), s = Math.sin(theta / 2);
    return m2(
        c,
        0,
        -Math.cos(lam) * s,
        -Math.sin(lam) * s,
        Math.cos(phi) * s,
        Math.sin(phi) * s,
        Math.cos(phi + lam) * c,
        Math.sin(phi + lam) * c);
  }

  /** R(θ,φ) = [[cos, -i e^{-iφ} sin], [-i e^{iφ} sin, cos]]; RX is R(θ,0). */
  private static ComplexMatrix r(double theta, double phi) {
    double c = Math.cos(theta / 2), s = Math.sin(theta / 2);
    return m2(
        c, 0, -Math.sin(phi) * s, -Math.cos(phi) * s, Math.sin(phi) * s, -Math.cos(phi) * s, c, 0);
  }

  /** Identity, except the block where all {@code controls} low qubits are 1 holds {@code u}. */
  private static ComplexMatrix controlled(int controls, ComplexMatrix u) {
    int dim = u.dim() << controls;
    int mask = (1 << controls) - 1;
    double[] a = ComplexMatrix.identity(dim).toArray();
    for (int i = 0; i < u.dim(); i++) {
      for (int j = 0; j < u.dim(); j++) {
        int row = mask | (i << controls), col = mask | (j << controls);
        a[2 * (row * dim + col)] = u.re(i, j);
        a[2 * (row * dim + col) + 1] = u.im(i, j);
      }
    }
    return ComplexMatrix.of(dim, a);
  }

  /** exp(-iθ/2 P⊗P) for P = X (sign00 = -1) or Y (sign00 = +1): couples |00>,|11> and |01>,|10>. */
  private static ComplexMatrix pairRotation(double theta, double sign00, double sign01) {
    double c = Math.cos(theta / 2), s = Math.sin(theta / 2);
    double[] a = new double[32];
    for (int i = 0; i < 4; i++) {
      a[2 * (i * 4 + i)] = c;
      int partner = 3 - i;
      a[2 * (i * 4 + partner) + 1] = (i == 0 || i == 3 ? sign00 : sign01) * s;
    }
    return ComplexMatrix.of(4, a);
  }

  /** RZX(θ) = exp(-iθ/2 X⊗Z): X on the second qubit, Z on the first. */
  private static ComplexMatrix rzx(double theta) {
    double c = Math.cos(theta / 2), s = Math.sin(theta / 2);
    return ComplexMatrix.of(
        4, c, 0, 0, 0, 0, -s, 0, 0, 0, 0, c, 0, 0, 0, 0, s, 0, -s, 0, 0, c, 0, 0, 0, 0, 0, 0, s, 0,
        0, c, 0);
  }

  /** XX±YY: a rotation between basis states {@code a < b}, -i sin e^{-iβ} above the diagonal. */
  private static ComplexMatrix xxyy(double theta, double beta, int a, int b) {
    double c = Math.cos(theta / 2), s = Math.sin(theta / 2);
    double[] m = ComplexMatrix.identity(4).toArray();
    m[2 * (a * 4 + a)] = c;
    m[2 * (b * 4 + b)] = c;
    m[2 * (a * 4 + b)] = -s * Math.sin(beta);
    m[2 * (a * 4 + b) + 1] = -s * Math.cos(beta);
    m[2 * (b * 4 + a)] = s * Math.sin(beta);
    m[2 * (b * 4 + a) + 1] = -s * Math.cos(beta);
    return ComplexMatrix.of(4, m);
  }

  /** Toffoli up to relative phase: -1 on |101>, and -i / i where the X acts. */
  private static ComplexMatrix rccx() {
    double[] m = ComplexMatrix.identity(8).toArray();
    m[2 * (3 * 8 + 3)] = 0;
    m[2 * (7 * 8 + 7)] = 0;
    m[2 * (3 * 8 + 7) + 1] = -1;
    m[2 * (7 * 8 + 3) + 1] = 1;
    m[2 * (5 * 8 + 5)] = -1;
    return ComplexMatrix.of(8, m);
  }

  /** Three-control Toffoli up to relative phases (Qiskit's RC3X matrix). */
  private static ComplexMatrix rc3x() {
    double[] m = ComplexMatrix.identity(16).toArray();
    m[2 * (3 * 16 + 3)] = 0;
    m[2 * (3 * 16 + 3) + 1] = 1;
    m[2 * (11 * 16 + 11)] = 0;
    m[2 * (11 * 16 + 11) + 1] = -1;
    m[2 * (7 * 16 + 7)] = 0;
    m[2 * (15 * 16 + 15)] = 0;
    m[2 * (7 * 16 + 15)] = 1;
    m[2 * (15 * 16 + 7)] = -1;
    return ComplexMatrix.of(16, m);
  }
}
