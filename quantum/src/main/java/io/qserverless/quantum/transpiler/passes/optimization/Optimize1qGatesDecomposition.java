package io.qserverless.quantum.transpiler.passes.optimization;

import io.qserverless.quantum.math.ComplexMatrix;
import io.qserverless.quantum.transpiler.DagCircuit;
import io.qserverless.quantum.transpiler.Op;
import io.qserverless.quantum.transpiler.PropertySet;
import io.qserverless.quantum.transpiler.Target;
import io.qserverless.quantum.transpiler.TransformationPass;
import io.qserverless.quantum.transpiler.internal.EulerDecomposer;
import io.qserverless.quantum.transpiler.internal.Lowering;
import io.qserverless.quantum.transpiler.internal.SynthesisGates;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Merges each run of consecutive single-qubit gates on a qubit into one unitary and re-emits it in
 * ZSX Euler form ({@code rz·sx·rz·sx·rz} or shorter) when that is shorter, or when the run holds
 * gates outside the basis. A run that multiplies to the identity disappears.
 */
public final class Optimize1qGatesDecomposition implements TransformationPass {
  private static final Set<String> BASIS_NAMES = Set.of("rz", "sx", "x");
  private final Target target;

  public Optimize1qGatesDecomposition(Target target) {
    this.target = target;
  }

  @Override
  public DagCircuit transform(DagCircuit dag, PropertySet properties) {
    boolean allowX = target.basisGates().contains("x");
    List<Op> out = new ArrayList<>(dag.ops().size());
    double phase = 0;
    List<List<Op>> runs = new ArrayList<>(dag.numQubits());
    for (int q = 0; q < dag.numQubits(); q++) {
      runs.add(new ArrayList<>());
    }
    for (Op op : dag.ops()) {
      if (op.isOneQubitGate()) {
        runs.get(op.qubit(0)).add(op);
        continue;
      }
      for (int q : op.qubits()) {
        phase += flush(runs.get(q), q, allowX, out);
      }
      out.add(op);
    }
    for (int q = 0; q < dag.numQubits(); q++) {
      phase += flush(runs.get(q), q, allowX, out);
    }
    return dag.withOps(out).addGlobalPhase(phase);
  }

  private boolean isBasis(Op op) {
    return BASIS_NAMES.contains(op.name()) && target.basisGates().contains(op.name());
  }

  /** Emits a qubit's pending run; returns the global phase the rewrite adds. */
  private double flush(List<Op> run, int qubit, boolean allowX, List<Op> out) {
    if (run.isEmpty()) {
      return 0;
    }
    if (run.size() == 1 && isBasis(run.get(0))) {
      out.add(run.get(0));
      run.clear();
      return 0;
    }
    boolean inBasis = true;
    ComplexMatrix u = SynthesisGates.I2;
    for (Op op : run) {
      u = op.matrix().multiply(u);
      inBasis &= isBasis(op);
    }
    List<EulerDecomposer.Step> steps = EulerDecomposer.synthesize(u, allowX);
    double phase = 0;
    if (!inBasis || steps.size() < run.size()) {
      phase = Lowering.emitSteps(out, steps, u, qubit, null);
    } else {
      out.addAll(run);
    }
    run.clear();
    return phase;
  }
}
