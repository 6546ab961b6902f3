package io.qserverless.quantum.transpiler.passes.basis;

import io.qserverless.quantum.circuit.Condition;
import io.qserverless.quantum.transpiler.DagCircuit;
import io.qserverless.quantum.transpiler.Op;
import io.qserverless.quantum.transpiler.PropertySet;
import io.qserverless.quantum.transpiler.Target;
import io.qserverless.quantum.transpiler.TransformationPass;
import io.qserverless.quantum.transpiler.TranspilerException;
import io.qserverless.quantum.transpiler.internal.Lowering;
import io.qserverless.quantum.transpiler.internal.SynthesisGates;
import io.qserverless.quantum.transpiler.internal.TwoQubitDecomposer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rewrites every gate into the target's basis: single-qubit gates as rz/sx(/x) by Euler synthesis,
 * two-qubit gates through CX (CZ and ECR by known local corrections, SWAP as three CX, any other
 * unitary by KAK synthesis) into the native two-qubit gate. Leaves gate direction to {@link
 * GateDirection}.
 */
public final class BasisTranslator implements TransformationPass {
  private static final Set<String> NATIVE_ONE_QUBIT = Set.of("rz", "sx", "x", "id");
  private final Target target;

  public BasisTranslator(Target target) {
    this.target = target;
  }

  @Override
  public DagCircuit transform(DagCircuit dag, PropertySet properties) {
    boolean allowX = target.basisGates().contains("x");
    String nativeGate = target.twoQubitGate();
    List<Op> out = new ArrayList<>(dag.ops().size() * 2);
    double phase = 0;
    for (Op op : dag.ops()) {
      if (!op.isGate()) {
        out.add(op);
      } else if (op.numQubits() == 1) {
        if (NATIVE_ONE_QUBIT.contains(op.name()) && target.basisGates().contains(op.name())) {
          out.add(op);
        } else {
          phase += Lowering.emitOneQubit(out, op.matrix(), op.qubit(0), allowX, op.condition());
        }
      } else if (op.numQubits() != 2) {
        throw new TranspilerException(
            "gate '"
                + op.name()
                + "' on "
                + op.numQubits()
                + " qubits has no decomposition;"
                + " give it a definition in one- and two-qubit gates");
      } else if (op.name().equals(nativeGate)) {
        out.add(op);
      } else if (nativeGate == null) {
        throw new TranspilerException(
            "gate '"
                + op.name()
                + "' needs a two-qubit gate but the target's basis "
                + target.basisGates()
                + " has none");
      } else {
        List<Op> steps = new ArrayList<>();
        double stepsPhase = viaCx(op, steps);
        phase += op.condition() == null ? stepsPhase : 0;
        for (Op step : steps) {
          if (step.numQubits() == 1) {
            phase +=
                Lowering.emitOneQubit(out, step.matrix(), step.qubit(0), allowX, op.condition());
          } else {
            phase +=
                cxToNative(step.qubit(0), step.qubit(1), nativeGate, op.condition(), allowX, out);
          }
        }
      }
    }
    return dag.withOps(out).addGlobalPhase(phase);
  }

  /**
   * Appends the gate as CX gates and single-qubit matrix ops to {@code steps}.
   *
   * @return φ with gate = e^{iφ}·(product of the steps)
   */
  private static double viaCx(Op op, List<Op> steps) {
    int a = op.qubit(0);
    int b = op.qubit(1);
    double phase = 0;
    switch (op.name()) {
      case "cx" -> steps.add(op);
      case "cz" -> {
        steps.add(Op.oneQubit("h", b, SynthesisGates.H));
        steps.add(Op.twoQubit("cx", a, b));
        steps.add(Op.oneQubit("h", b, SynthesisGates.H));
      }
      case "ecr" -> {
        // CX = e^{iφ}(A0⊗A1)·ECR, so ECR = e^{-iφ}(A0⊗A1)†·CX.
        phase = -Lowering.CX_VIA_ECR_PHASE;
        steps.add(Op.twoQubit("cx", a, b));
        steps.add(Op.oneQubit("u", a, Lowering.CX_AFTER_ECR[0].adjoint()));
        steps.add(Op.oneQubit("u", b, Lowering.CX_AFTER_ECR[1].adjoint()));
      }
      case "swap" -> {
        steps.add(Op.twoQubit("cx", a, b));
        steps.add(Op.twoQubit("cx", b, a));
        steps.add(Op.twoQubit("cx", a, b));
      }
      default -> {
        if (op.matrix() == null) {
          throw new TranspilerException(
              "two-qubit gate '" + op.name() + "' has neither a matrix nor a definition");
        }
        List<TwoQubitDecomposer.Step> synthesized = TwoQubitDecomposer.synthesize(op.matrix());
        phase = op.matrix().phaseTo(TwoQubitDecomposer.matrixOf(synthesized));
        for (TwoQubitDecomposer.Step s : synthesized) {
          switch (s) {
            case TwoQubitDecomposer.Local l -> {
              steps.add(Op.oneQubit("u", a, l.q0()));
              steps.add(Op.oneQubit("u", b, l.q1()));
            }
            case TwoQubitDecomposer.Cx cx ->
                steps.add(cx.reversed() ? Op.twoQubit("cx", b, a) : Op.twoQubit("cx", a, b));
          }
        }
      }
    }
    return phase;
  }

  /** Appends CX(a, b) in the native gate; returns the global phase to add. */
  private static double cxToNative(
      int a, int b, String nativeGate, Condition c, boolean allowX, List<Op> out) {
    return switch (nativeGate) {
      case "cx" -> {
        out.add(conditioned(Op.twoQubit("cx", a, b), c));
        yield 0;
      }
      case "cz" -> {
        double phase = Lowering.emitOneQubit(out, SynthesisGates.H, b, allowX, c);
        out.add(conditioned(Op.twoQubit("cz", a, b), c));
        yield phase + Lowering.emitOneQubit(out, SynthesisGates.H, b, allowX, c);
      }
      default -> {
        out.add(conditioned(Op.twoQubit("ecr", a, b), c));
        yield (c == null ? Lowering.CX_VIA_ECR_PHASE : 0)
            + Lowering.emitOneQubit(out, Lowering.CX_AFTER_ECR[0], a, allowX, c)
            + Lowering.emitOneQubit(out, Lowering.CX_AFTER_ECR[1], b, allowX, c);
      }
    };
  }

  static Op conditioned(Op op, Condition c) {
    return c == null ? op : op.withCondition(c);
  }
}
