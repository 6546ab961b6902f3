package io.qserverless.quantum.transpiler.passes.layout;

import io.qserverless.quantum.transpiler.AnalysisPass;
import io.qserverless.quantum.transpiler.DagCircuit;
import io.qserverless.quantum.transpiler.PropertySet;
import io.qserverless.quantum.transpiler.Target;

/** Places virtual qubit i on physical qubit i. */
public final class TrivialLayout implements AnalysisPass {
  private final Target target;

  public TrivialLayout(Target target) {
    this.target = target;
  }

  @Override
  public void analyze(DagCircuit dag, PropertySet properties) {
    target.requireFits(dag.numQubits());
    int[] layout = new int[dag.numQubits()];
    for (int i = 0; i < layout.length; i++) {
      layout[i] = i;
    }
    properties.put(PropertySet.LAYOUT, layout);
  }
}
