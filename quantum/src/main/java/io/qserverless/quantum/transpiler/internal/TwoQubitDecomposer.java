package io.qserverless.quantum.transpiler.internal;

import static io.qserverless.quantum.transpiler.internal.SynthesisGates.CX;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.I2;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.X;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.Y;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.Z;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.rx;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.ry;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.rz;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.swapQubits;

import io.qserverless.quantum.math.ComplexMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * Two-qubit synthesis by the KAK (Cartan) decomposition: any 4×4 unitary as local gates around the
 * canonical gate {@code exp(i(a·XX + b·YY + c·ZZ))}, emitted with the fewest CX gates its
 * coordinates allow (0, 1, 2 or 3), up to global phase.
 *
 * <p>Method: in the magic basis local gates are real orthogonal, so diagonalising {@code UᵀU} there
 * by a real orthogonal matrix yields both local factors and the canonical phases. Each coordinate
 * is then reduced into [-π/4, π/4] (a shift by π/2 is the local gate {@code P⊗P}). Three CX suffice
 * for any coordinates (Vatan and Williams, PRA 69, 032315, 2004); two when one coordinate is zero;
 * one for a CX-equivalent. Stateless; verified numerically by the tests.
 */
public final class TwoQubitDecomposer {
  private static final double TOL = 1e-9;
  private static final double H = Math.PI / 2;
  private static final ComplexMatrix B;
  private static final ComplexMatrix B_DAG;
  private static final ComplexMatrix[] PAULI_PAIRS = {X.tensor(X), Y.tensor(Y), Z.tensor(Z)};

  /** The ±1 diagonals of XX, YY and ZZ in the magic basis. */
  private static final double[][] SIGNS = new double[3][4];

  static {
    double s = Math.sqrt(0.5);
    B =
        ComplexMatrix.of(
            4, s, 0, 0, 0, 0, 0, 0, s, 0, 0, 0, s, s, 0, 0, 0, 0, 0, 0, s, -s, 0, 0, 0, s, 0, 0, 0,
            0, 0, 0, -s);
    B_DAG = B.adjoint();
    for (int p = 0; p < 3; p++) {
      ComplexMatrix d = B_DAG.multiply(PAULI_PAIRS[p]).multiply(B);
      for (int k = 0; k < 4; k++) {
        SIGNS[p][k] = Math.round(d.re(k, k));
      }
    }
  }

  /** One step of a synthesised circuit, in time order. */
  public sealed interface Step permits Local, Cx {}

  /** Single-qubit gates on the first and second qubit. */
  public record Local(ComplexMatrix q0, ComplexMatrix q1) implements Step {}

  /** A CX; {@code reversed} means the second qubit controls the first. */
  public record Cx(boolean reversed) implements Step {}

  private TwoQubitDecomposer() {}

  /** The canonical coordinates (a, b, c), each in [-π/4, π/4], of a 4×4 unitary. */
  public static double[] coordinates(ComplexMatrix u) {
    return kak(u).coords;
  }

  /** The number of CX gates {@link #synthesize} would emit for {@code u}. */
  public static int cxCount(ComplexMatrix u) {
    return count(kak(u).coords);
  }

  /** A circuit for {@code u}: alternating {@link Local} layers and CX gates, fewest CX. */
  public static List<Step> synthesize(ComplexMatrix u) {
    Kak k = kak(u);
    double a = k.coords[0];
    double b = k.coords[1];
    double c = k.coords[2];
    List<Object> seq = new ArrayList<>();
    seq.add(k.k2);
    switch (count(k.coords)) {
      case 0 -> {}
      case 1 -> oneCx(seq, k.coords);
      case 2 -> twoCx(seq, a, b, c);
      default -> {
        seq.add(I2.tensor(rz(H)));
        seq.add(Boolean.TRUE);
        seq.add(rz(H - 2 * c).tensor(ry(H - 2 * a)));
        seq.add(Boolean.FALSE);
        seq.add(I2.tensor(ry(2 * b - H)));
        seq.add(Boolean.TRUE);
        seq.add(rz(-H).tensor(I2));
      }
    }
    seq.add(k.k1);
    return compress(seq);
  }

  private static int count(double[] coords) {
    int zeros = 0;
    int quarter = 0;
    for (double x : coords) {
      if (Math.abs(x) < TOL) {
        zeros++;
      } else if (Math.abs(Math.abs(x) - Math.PI / 4) < TOL) {
        quarter++;
      }
    }
    if (zeros == 3) {
      return 0;
    }
    if (zeros == 2 && quarter == 1) {
      return 1;
    }
    return zeros >= 1 ? 2 : 3;
  }

  /** exp(i·x·PP) with |x| = π/4: conjugate to ZZ, which is CZ up to S gates. */
  private static void oneCx(List<Object> seq, double[] coords) {
    int p = Math.abs(coords[0]) > TOL ? 0 : Math.abs(coords[1]) > TOL ? 1 : 2;
    double x = coords[p];
    ComplexMatrix w =
        switch (p) {
          case 0 -> ComplexMatrix.identity(4);
          case 1 -> rz(H).tensor(rz(H));
          default -> ry(-H).tensor(ry(-H));
        };
    ComplexMatrix hh = SynthesisGates.H.tensor(SynthesisGates.H);
    seq.add(I2.tensor(SynthesisGates.H).multiply(hh).multiply(w.adjoint()));
    seq.add(Boolean.FALSE);
    seq.add(
        w.multiply(hh)
            .multiply(rz(-2 * x).tensor(rz(-2 * x)))
            .multiply(I2.tensor(SynthesisGates.H)));
  }

  /** CX·(Rx(-2p)⊗Rz(-2q))·CX = exp(i(p·XX + q·ZZ)), conjugated so the zero coordinate is YY. */
  private static void twoCx(List<Object> seq, double a, double b, double c) {
    ComplexMatrix w;
    double p;
    double q;
    if (Math.abs(b) < TOL) {
      w = ComplexMatrix.identity(4);
      p = a;
      q = c;
    } else if (Math.abs(a) < TOL) {
      w = rz(H).tensor(rz(H));
      p = b;
      q = c;
    } else {
      w = rx(H).tensor(rx(H));
      p = a;
      q = b;
    }
    seq.add(w.adjoint());
    seq.add(Boolean.FALSE);
    seq.add(rx(-2 * p).tensor(rz(-2 * q)));
    seq.add(Boolean.FALSE);
    seq.add(w);
  }

  /** Merges adjacent local layers and splits each into its two single-qubit factors. */
  private static List<Step> compress(List<Object> seq) {
    List<Step> out = new ArrayList<>();
    ComplexMatrix local = ComplexMatrix.identity(4);
    for (Object o : seq) {
      if (o instanceof ComplexMatrix m) {
        local = m.multiply(local);
      } else {
        out.add(split(local));
        out.add(new Cx((Boolean) o));
        local = ComplexMatrix.identity(4);
      }
    }
    out.add(split(local));
    return out;
  }

  /** Factors a 4×4 tensor product {@code A⊗B} into {@code A} and {@code B}. */
  static Local split(ComplexMatrix k) {
    int best = 0;
    double bestAbs2 = -1;
    for (int i = 0; i < 16; i++) {
      double re = k.re(i / 4, i % 4);
      double im = k.im(i / 4, i % 4);
      if (re * re + im * im > bestAbs2) {
        bestAbs2 = re * re + im * im;
        best = i;
      }
    }
    int r = best / 4;
    int c = best % 4;
    int i = r / 2;
    int j = c / 2;
    double[] bv = new double[8];
    for (int x = 0; x < 2; x++) {
      for (int y = 0; y < 2; y++) {
        bv[2 * (2 * x + y)] = k.re(2 * i + x, 2 * j + y);
        bv[2 * (2 * x + y) + 1] = k.im(2 * i + x, 2 * j + y);
      }
    }
    ComplexMatrix bm = ComplexMatrix.of(2, bv);
    double[] d = bm.determinant();
    double mod = Math.sqrt(Math.sqrt(d[0] * d[0] + d[1] * d[1]));
    double arg = Math.atan2(d[1], d[0]) / 2;
    bm = bm.scale(Math.cos(-arg) / mod, Math.sin(-arg) / mod);
    int kk = r % 2;
    int l = c % 2;
    double br = bm.re(kk, l);
    double bi = bm.im(kk, l);
    double b2 = br * br + bi * bi;
    double[] av = new double[8];
    for (int x = 0; x < 2; x++) {
      for (int y = 0; y < 2; y++) {
        double zr = k.re(2 * x + kk, 2 * y + l);
        double zi = k.im(2 * x + kk, 2 * y + l);
        av[2 * (2 * x + y)] = (zr * br + zi * bi) / b2;
        av[2 * (2 * x + y) + 1] = (zi * br - zr * bi) / b2;
      }
    }
    return new Local(ComplexMatrix.of(2, av), bm);
  }

  private record Kak(ComplexMatrix k1, double[] coords, ComplexMatrix k2) {}

  /** {@code u ≅ k1 · exp(i(a·XX + b·YY + c·ZZ)) · k2} with local k1, k2 and reduced coordinates. */
  private static Kak kak(ComplexMatrix u) {
    double[] det = u.determinant();
    double phase = Math.atan2(det[1], det[0]) / 4;
    ComplexMatrix su = u.scale(Math.cos(-phase), Math.sin(-phase));
    ComplexMatrix up = B_DAG.multiply(su).multiply(B);
    ComplexMatrix m2 = up.transpose().multiply(up);
    ComplexMatrix p = diagonalizer(m2);
    ComplexMatrix diag = p.transpose().multiply(m2).multiply(p);
    double[] d = new double[4];
    for (int k = 0; k < 4; k++) {
      d[k] = Math.atan2(diag.im(k, k), diag.re(k, k)) / 2;
    }
    ComplexMatrix k1m = up.multiply(p).multiply(phaseDiagonal(d, -1));
    if (k1m.determinant()[0] < 0) {
      d[0] += Math.PI;
      k1m = up.multiply(p).multiply(phaseDiagonal(d, -1));
    }
    double sum = d[0] + d[1] + d[2] + d[3];
    d[0] -= 2 * Math.PI * Math.round(sum / (2 * Math.PI));
    double[] coords = new double[3];
    ComplexMatrix k2 = B.multiply(p.transpose()).multiply(B_DAG);
    for (int q = 0; q < 3; q++) {
      double x = 0;
      for (int k = 0; k < 4; k++) {
        x += SIGNS[q][k] * d[k] / 4;
      }
      long turns = Math.round(x / H);
      coords[q] = x - turns * H;
      if ((turns & 1) != 0) {
        // exp(i(x)PP) = exp(i(x - π/2)PP)·(i·PP): move P⊗P into the right-hand local factor.
        k2 = PAULI_PAIRS[q].multiply(k2);
      }
    }
    return new Kak(B.multiply(k1m).multiply(B_DAG), coords, k2);
  }

  private static ComplexMatrix phaseDiagonal(double[] d, int sign) {
    double[] v = new double[32];
    for (int k = 0; k < 4; k++) {
      v[2 * (5 * k)] = Math.cos(sign * d[k]);
      v[2 * (5 * k) + 1] = Math.sin(sign * d[k]);
    }
    return ComplexMatrix.of(4, v);
  }

  /** A real orthogonal P (det +1) with Pᵀ·m·P diagonal, for a symmetric unitary m. */
  private static ComplexMatrix diagonalizer(ComplexMatrix m) {
    for (int attempt = 0; attempt < 20; attempt++) {
      double w = 0.4 + 1.37 * attempt;
      double[][] s = new double[4][4];
      for (int r = 0; r < 4; r++) {
        for (int c = 0; c < 4; c++) {
          s[r][c] = Math.cos(w) * m.re(r, c) + Math.sin(w) * m.im(r, c);
        }
      }
      double[][] v = RealSymmetricEigen.eigenvectors(s);
      double[] pv = new double[32];
      for (int r = 0; r < 4; r++) {
        for (int c = 0; c < 4; c++) {
          pv[2 * (4 * r + c)] = v[r][c];
        }
      }
      ComplexMatrix p = ComplexMatrix.of(4, pv);
      if (p.determinant()[0] < 0) {
        for (int r = 0; r < 4; r++) {
          pv[2 * (4 * r)] = -pv[2 * (4 * r)];
        }
        p = ComplexMatrix.of(4, pv);
      }
      ComplexMatrix diag = p.transpose().multiply(m).multiply(p);
      double off = 0;
      for (int r = 0; r < 4; r++) {
        for (int c = 0; c < 4; c++) {
          if (r != c) {
            off = Math.max(off, diag.re(r, c) * diag.re(r, c) + diag.im(r, c) * diag.im(r, c));
          }
        }
      }
      if (off < 1e-20) {
        return p;
      }
    }
    throw new IllegalStateException("KAK: could not diagonalise " + m);
  }

  /** The matrix of a step sequence, for checks. */
  public static ComplexMatrix matrixOf(List<Step> steps) {
    ComplexMatrix m = ComplexMatrix.identity(4);
    ComplexMatrix cx10 = swapQubits(CX);
    for (Step s : steps) {
      ComplexMatrix g =
          switch (s) {
            case Local l -> l.q0().tensor(l.q1());
            case Cx cx -> cx.reversed() ? cx10 : CX;
          };
      m = g.multiply(m);
    }
    return m;
  }
}
