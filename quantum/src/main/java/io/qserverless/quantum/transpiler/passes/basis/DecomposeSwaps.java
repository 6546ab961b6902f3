package io.qserverless.quantum.transpiler.passes.basis;

import io.qserverless.quantum.transpiler.DagCircuit;
import io.qserverless.quantum.transpiler.Op;
import io.qserverless.quantum.transpiler.PropertySet;
import io.qserverless.quantum.transpiler.TransformationPass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rewrites each unconditioned {@code swap} as three CX, oriented so that its outer CX gates match a
 * CX met right before or right after it on the same pair: {@code cx(a,b)·swap(a,b)} becomes {@code
 * cx(a,b)·cx(a,b)·cx(b,a)·cx(a,b)}, whose first pair {@link
 * io.qserverless.quantum.transpiler.passes.optimization.InverseCancellation} then removes.
 * Routing's swaps often sit next to the gate they serve, so this saves CX at no search cost.
 */
public final class DecomposeSwaps implements TransformationPass {

  @Override
  public DagCircuit transform(DagCircuit dag, PropertySet properties) {
    List<Op> ops = dag.ops();
    int[] next = nextOnBothQubits(ops, dag.numQubits());
    int[] last = new int[dag.numQubits()];
    Arrays.fill(last, -1);
    List<Op> out = new ArrayList<>(ops.size() + 8);
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      if (op.isTwoQubitGate() && op.name().equals("swap")) {
        int a = op.qubit(0);
        int b = op.qubit(1);
        Op before = last[a] >= 0 && last[a] == last[b] ? out.get(last[a]) : null;
        Op after = next[i] >= 0 ? ops.get(next[i]) : null;
        boolean flip = isCx(before, b, a) || (!isCx(before, a, b) && isCx(after, b, a));
        int c = flip ? b : a;
        int t = flip ? a : b;
        out.add(Op.twoQubit("cx", c, t));
        out.add(Op.twoQubit("cx", t, c));
        out.add(Op.twoQubit("cx", c, t));
      } else {
        out.add(op);
      }
      for (int q : op.qubits()) {
        last[q] = out.size() - 1;
      }
    }
    return dag.withOps(out);
  }

  private static boolean isCx(Op op, int control, int target) {
    return op != null
        && op.isTwoQubitGate()
        && op.name().equals("cx")
        && op.qubit(0) == control
        && op.qubit(1) == target;
  }

  /** For each op, the index of the next op if it is the next one on all its qubits, else -1. */
  private static int[] nextOnBothQubits(List<Op> ops, int numQubits) {
    int[] next = new int[ops.size()];
    Arrays.fill(next, -1);
    int[] following = new int[numQubits];
    Arrays.fill(following, -1);
    for (int i = ops.size() - 1; i >= 0; i--) {
      int[] qs = ops.get(i).qubits();
      int candidate = qs.length > 0 ? following[qs[0]] : -1;
      for (int q : qs) {
        if (following[q] != candidate) {
          candidate = -1;
        }
      }
      next[i] = candidate;
      for (int q : qs) {
        following[q] = i;
      }
    }
    return next;
  }
}
