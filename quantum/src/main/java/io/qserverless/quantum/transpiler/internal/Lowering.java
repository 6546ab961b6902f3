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
  /** CX(a,b) ≅ (CX_AFTER_ECR[0] ⊗ CX_AFTER_ECR[1]) · ECR(a,b). */
  public static final Mat[] CX_AFTER_ECR = {clifford("shssh"), clifford("shs")};

  /** ECR(a,b) ≅ (ECR_FLIP_AFTER[0] ⊗ ECR_FLIP_AFTER[1]) · ECR(b,a) · (H ⊗ H). */
  public static final Mat[] ECR_FLIP_AFTER = {clifford("ssh"), clifford("hss")};

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

  /** Appends {@code u} on {@code qubit} as rz/sx(/x) ops, each under {@code condition}. */
  public static void emitOneQubit(
      List<Op> out, Mat u, int qubit, boolean allowX, Condition condition) {
    for (EulerDecomposer.Step s : EulerDecomposer.synthesize(u, allowX)) {
      Op op = switch (s.name()) {
        case "rz" -> Op.rz(qubit, s.angle());
        case "sx" -> Op.oneQubit("sx", qubit, Mat.SX);
        default -> Op.oneQubit("x", qubit, Mat.X);
      };
      out.add(condition == null ? op : op.withCondition(condition));
    }
  }
}
