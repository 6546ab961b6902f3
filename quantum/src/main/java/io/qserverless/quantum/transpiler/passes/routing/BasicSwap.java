package io.qserverless.quantum.transpiler.passes.routing;

import io.qserverless.quantum.transpiler.CouplingMap;
import io.qserverless.quantum.transpiler.DagCircuit;
import io.qserverless.quantum.transpiler.Op;
import io.qserverless.quantum.transpiler.PropertySet;
import io.qserverless.quantum.transpiler.Target;
import io.qserverless.quantum.transpiler.TransformationPass;

/**
 * The simplest router: before each two-qubit gate whose qubits are not coupled, swap the first
 * qubit along a shortest path until it is next to the second. Records the resulting permutation.
 */
public final class BasicSwap implements TransformationPass {
  private final Target target;

  public BasicSwap(Target target) {
    this.target = target;
  }

  @Override
  public DagCircuit transform(DagCircuit dag, PropertySet properties) {
    Routing.requireRoutable(dag, target);
    CouplingMap coupling = target.couplingMap();
    int n = dag.numQubits();
    int[] l2p = Routing.identity(n);
    int[] p2l = Routing.identity(n);
    DagCircuit out = dag.copyEmpty();
    for (Op op : dag.ops()) {
      if (op.needsCoupling()) {
        int[] path = coupling.shortestPath(l2p[op.qubit(0)], l2p[op.qubit(1)]);
        for (int i = 0; i + 2 < path.length; i++) {
          int a = path[i];
          int b = path[i + 1];
          out.add(Op.twoQubit("swap", a, b));
          int la = p2l[a];
          int lb = p2l[b];
          p2l[a] = lb;
          p2l[b] = la;
          l2p[la] = b;
          l2p[lb] = a;
        }
      }
      out.add(op.remap(l2p));
    }
    properties.put(PropertySet.FINAL_PERMUTATION, l2p);
    return out;
  }
}
