package io.qserverless.quantum.transpiler.internal;

import static io.qserverless.quantum.transpiler.internal.SynthesisGates.CX;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.CZ;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.ECR;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.H;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.I2;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.SWAP;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.SX;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.X;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.rz;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.swapQubits;

import io.qserverless.quantum.circuit.Condition;
import io.qserverless.quantum.math.ComplexMatrix;
import io.qserverless.quantum.transpiler.Op;
import java.util.List;

/**
 * Shared rewriting helpers for the basis passes: emitting a single-qubit unitary as rz/sx/x ops,
 * and the local corrections that turn one two-qubit Clifford gate into another.
 *
 * <p>The corrections were found by search over the 24 single-qubit Cliffords and are checked
 * numerically by {@code LoweringTest}; sequences are written in time order, {@code h} and {@code s}
 * letters.
 */
public final class Lowering {
  /** CX(a,b) = e^{i·CX_VIA_ECR_PHASE} (CX_AFTER_ECR[0] ⊗ CX_AFTER_ECR[1]) · ECR(a,b). */
  public static final ComplexMatrix[] CX_AFTER_ECR = {clifford("shssh"), clifford("shs")};

  public static final double CX_VIA_ECR_PHASE =
      CX.phaseTo(CX_AFTER_ECR[0].tensor(CX_AFTER_ECR[1]).multiply(ECR));

  /** ECR(a,b) = e^{i·ECR_FLIP_PHASE} (ECR_FLIP_AFTER[0] ⊗ ECR_FLIP_AFTER[1]) · ECR(b,a) · (H⊗H). */
  public static final ComplexMatrix[] ECR_FLIP_AFTER = {clifford("ssh"), clifford("hss")};

  public static final double ECR_FLIP_PHASE =
      ECR.phaseTo(
          ECR_FLIP_AFTER[0]
              .tensor(ECR_FLIP_AFTER[1])
              .multiply(swapQubits(ECR))
              .multiply(H.tensor(H)));

  private Lowering() {}

  /** The product of a time-ordered word over {@code h} and {@code s}. */
  public static ComplexMatrix clifford(String word) {
    ComplexMatrix m = I2;
    for (char c : word.toCharArray()) {
      m = (c == 'h' ? H : rz(Math.PI / 2)).multiply(m);
    }
    return m;
  }

  /** The unitary of a gate op: its own matrix, or the known one for cx, cz, ecr, swap. */
  public static ComplexMatrix matrixOf(Op op) {
    if (op.matrix() != null) {
      return op.matrix();
    }
    return switch (op.name()) {
      case "cx" -> CX;
      case "cz" -> CZ;
      case "ecr" -> ECR;
      case "swap" -> SWAP;
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
      List<Op> out, ComplexMatrix u, int qubit, boolean allowX, Condition condition) {
    return emitSteps(out, EulerDecomposer.synthesize(u, allowX), u, qubit, condition);
  }

  /** Appends already synthesised {@code steps} for {@code u}; returns as {@link #emitOneQubit}. */
  public static double emitSteps(
      List<Op> out,
      List<EulerDecomposer.Step> steps,
      ComplexMatrix u,
      int qubit,
      Condition condition) {
    for (EulerDecomposer.Step s : steps) {
      Op op =
          switch (s.name()) {
            case "rz" -> Op.rz(qubit, s.angle());
            case "sx" -> Op.oneQubit("sx", qubit, SX);
            default -> Op.oneQubit("x", qubit, X);
          };
      out.add(condition == null ? op : op.withCondition(condition));
    }
    return condition == null ? u.phaseTo(EulerDecomposer.matrixOf(steps)) : 0;
  }
}
