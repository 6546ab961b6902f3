package io.qserverless.quantum.transpiler.passes.layout;

import io.qserverless.quantum.transpiler.DagCircuit;
import io.qserverless.quantum.transpiler.Op;
import io.qserverless.quantum.transpiler.PropertySet;
import io.qserverless.quantum.transpiler.Target;
import io.qserverless.quantum.transpiler.TransformationPass;

/**
 * Rewrites the circuit onto physical qubits using the chosen layout, widening it to the whole
 * device (unused physical qubits become idle ancillas).
 */
public final class ApplyLayout implements TransformationPass {
  private final Target target;

  public ApplyLayout(Target target) {
    this.target = target;
  }

  @Override
  public DagCircuit transform(DagCircuit dag, PropertySet properties) {
    int[] layout = properties.get(PropertySet.LAYOUT);
    if (layout == null) {
      throw new IllegalStateException("ApplyLayout runs after a layout pass");
    }
    DagCircuit out = dag.copyEmpty(target.numQubits());
    for (Op op : dag.ops()) {
      out.add(op.remap(layout));
    }
    return out;
  }
}
