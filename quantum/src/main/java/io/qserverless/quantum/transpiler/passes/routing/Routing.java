package io.qserverless.quantum.transpiler.passes.routing;

import io.qserverless.quantum.transpiler.DagCircuit;
import io.qserverless.quantum.transpiler.Op;
import io.qserverless.quantum.transpiler.Target;
import io.qserverless.quantum.transpiler.TranspilerException;

/** Checks shared by the routing passes. */
final class Routing {
  private Routing() {}

  /** Refuses circuits that need routing on a device whose qubits are not all connected. */
  static void requireRoutable(DagCircuit dag, Target target) {
    if (target.couplingMap().isConnected()) {
      return;
    }
    for (Op op : dag.ops()) {
      if (op.needsCoupling()
          && target.couplingMap().distance(op.qubit(0), op.qubit(1)) == Integer.MAX_VALUE) {
        throw new TranspilerException(
            "the circuit needs a two-qubit gate between physical qubits "
                + op.qubit(0)
                + " and "
                + op.qubit(1)
                + ", which the target's coupling map does not connect; use a"
                + " connected backend");
      }
    }
  }

  static int[] identity(int n) {
    int[] id = new int[n];
    for (int i = 0; i < n; i++) {
      id[i] = i;
    }
    return id;
  }
}
