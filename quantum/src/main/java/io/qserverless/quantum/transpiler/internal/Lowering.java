package io.qserverless.quantum.transpiler.internal;

import io.qserverless.quantum.circuit.Condition;
import io.qserverless.quantum.transpiler.Op;
import java.util.List;

/**
 * Shared rewriting helpers for the basis passes: emitting a single-qubit unitary as rz/sx/x ops,
 * and the local corrections that turn one two-qubit Clifford gate into another.
 *
 * <p>The corrections were found by search over the 24 single-qubit Cliffords and are checked
 * numerically by {@code LoweringTest}; sequences are written in time order, {@code h} and {@code
 * s} letters.
 */
public final class Lowering {
  /** CX(a,b) = e^{i·CX_VIA_ECR_PHASE} (CX_AFTER_ECR[0] ⊗ CX_AFTER_ECR[1]) · ECR(a,b). */
  public static final Mat[] CX_AFTER_ECR = {clifford("shssh"), clifford("shs")};

  public static final double CX_VIA_ECR_PHASE =
      Mat.CX.phaseTo(CX_AFTER_ECR[0].kron(CX_AFTER_ECR[1]).mul(Mat.ECR));

  /** ECR(a,b) = e^{i·ECR_FLIP_PHASE} (ECR_FLIP_AFTER[0] ⊗ ECR_FLIP_AFTER[1]) · ECR(b,a) · (H⊗H). */
  public static final Mat[] ECR_FLIP_AFTER = {clifford("ssh"), clifford("hss")};

  public static final double ECR_FLIP_PHASE = Mat.ECR.phaseTo(
      ECR_FLIP_AFTER[0].kron(ECR_FLIP_AFTER[1]).mul(Mat.ECR.swapQubits()).mul(Mat.H.kron(Mat.H)));

  private Lowering() {}

  /** The product of a time-ordered word over {@code h} and {@code s}. */
  public static Mat clifford(String word) {
    Mat m = Mat.I2;
    for (char c : word.toCharArray()) {
      m = (c == 'h' ? Mat.H : Mat.rz(Math.PI / 2)).mul(m);
    }
    return m;
  }

  /** The unitary of a gate op: its own matrix, or the known one for cx, cz, ecr, swap. */
  public static Mat matrixOf(Op op) {
    if (op.matrix() != null) {
      return op.matrix();
    }
    return switch (op.name()) {
      case "cx" -> Mat.CX;
      case "cz" -> Mat.CZ;
      case "ecr" -> Mat.ECR;
      case "swap" -> Mat.SWAP;
      default -> throw new IllegalArgumentException("no matrix for " + op);
    };
  }

  /**
   * Appends {@code u} on {@code qubit} as rz/sx(/x) ops, each under {@code condition}.
   *
   * @return the global phase φ with {@code u = e^{iφ}·(product of the emitted ops)}, or 0 for a
   *     conditioned gate (a phase that applies only on one classical branch is unobservable)
   */
  public static double emitOneQubit(
      List<Op> out, Mat u, int qubit, boolean allowX, Condition condition) {
    return emitSteps(out, EulerDecomposer.synthesize(u, allowX), u, qubit, condition);
  }

  /** Appends already synthesised {@code steps} for {@code u}; returns as {@link #emitOneQubit}. */
  public static double emitSteps(
      List<Op> out, List<EulerDecomposer.Step> steps, Mat u, int qubit, Condition condition) {
    for (EulerDecomposer.Step s : steps) {
      Op op = switch (s.name()) {
        case "rz" -> Op.rz(qubit, s.angle());
        case "sx" -> Op.oneQubit("sx", qubit, Mat.SX);
        default -> Op.oneQubit("x", qubit, Mat.X);
      };
      out.add(condition == null ? op : op.withCondition(condition));
    }
    return condition == null ? u.phaseTo(EulerDecomposer.matrixOf(steps)) : 0;
  }
}
