package io.qserverless.quantum.transpiler.passes.basis;

import io.qserverless.quantum.circuit.Condition;
import io.qserverless.quantum.transpiler.DagCircuit;
import io.qserverless.quantum.transpiler.Op;
import io.qserverless.quantum.transpiler.PropertySet;
import io.qserverless.quantum.transpiler.Target;
import io.qserverless.quantum.transpiler.TransformationPass;
import io.qserverless.quantum.transpiler.internal.Lowering;
import io.qserverless.quantum.transpiler.internal.SynthesisGates;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns each native two-qubit gate that sits on a coupled pair in the wrong direction around: CZ is
 * symmetric, CX reverses under Hadamards on both qubits, ECR under Hadamards before and known
 * Clifford corrections after. Runs after routing and {@link BasisTranslator}.
 */
public final class GateDirection implements TransformationPass {
  private final Target target;

  public GateDirection(Target target) {
    this.target = target;
  }

  @Override
  public DagCircuit transform(DagCircuit dag, PropertySet properties) {
    boolean allowX = target.basisGates().contains("x");
    List<Op> out = new ArrayList<>(dag.ops().size());
    double phase = 0;
    for (Op op : dag.ops()) {
      if (!op.isGate() || op.numQubits() != 2 || target.allowsPair(op.qubit(0), op.qubit(1))) {
        out.add(op);
        continue;
      }
      int a = op.qubit(0);
      int b = op.qubit(1);
      if (!target.allowsPair(b, a)) {
        throw new IllegalStateException(
            "gate " + op + " is on uncoupled qubits: GateDirection must run after routing");
      }
      Condition c = op.condition();
      Op flipped = BasisTranslator.conditioned(Op.twoQubit(op.name(), b, a), c);
      switch (op.name()) {
        case "cz" -> out.add(flipped);
        case "cx" -> {
          phase += hadamards(out, a, b, allowX, c);
          out.add(flipped);
          phase += hadamards(out, a, b, allowX, c);
        }
        case "ecr" -> {
          phase += hadamards(out, a, b, allowX, c);
          out.add(flipped);
          phase +=
              (c == null ? Lowering.ECR_FLIP_PHASE : 0)
                  + Lowering.emitOneQubit(out, Lowering.ECR_FLIP_AFTER[0], a, allowX, c)
                  + Lowering.emitOneQubit(out, Lowering.ECR_FLIP_AFTER[1], b, allowX, c);
        }
        default ->
            throw new IllegalStateException("GateDirection runs after BasisTranslator: " + op);
      }
    }
    return dag.withOps(out).addGlobalPhase(phase);
  }

  private static double hadamards(List<Op> out, int a, int b, boolean allowX, Condition c) {
    return Lowering.emitOneQubit(out, SynthesisGates.H, a, allowX, c)
        + Lowering.emitOneQubit(out, SynthesisGates.H, b, allowX, c);
  }
}
