package io.qserverless.quantum.transpiler.passes.optimization;

import io.qserverless.quantum.transpiler.DagCircuit;
import io.qserverless.quantum.transpiler.Op;
import io.qserverless.quantum.transpiler.PropertySet;
import io.qserverless.quantum.transpiler.TransformationPass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Removes pairs of adjacent self-inverse two-qubit gates ({@code cx·cx}, {@code cz·cz}, {@code
 * ecr·ecr}, {@code swap·swap}) on the same qubits with nothing between them on those qubits;
 * cancellations cascade, so {@code cx cx cx cx} vanishes entirely.
 */
public final class InverseCancellation implements TransformationPass {
  private static final Set<String> SELF_INVERSE = Set.of("cx", "cz", "ecr", "swap");
  private static final Set<String> SYMMETRIC = Set.of("cz", "swap");

  @Override
  public DagCircuit transform(DagCircuit dag, PropertySet properties) {
    List<Op> ops = dag.ops();
    boolean[] removed = new boolean[ops.size()];
    // For each qubit, a stack of the live ops touching it, latest on top.
    int[][] stacks = new int[dag.numQubits()][];
    int[] heights = new int[dag.numQubits()];
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      if (op.isTwoQubitGate() && SELF_INVERSE.contains(op.name())) {
        int a = op.qubit(0);
        int b = op.qubit(1);
        if (heights[a] > 0 && heights[b] > 0) {
          int j = stacks[a][heights[a] - 1];
          if (j == stacks[b][heights[b] - 1] && cancels(ops.get(j), op)) {
            removed[i] = true;
            removed[j] = true;
            heights[a]--;
            heights[b]--;
            continue;
          }
        }
      }
      for (int q : op.qubits()) {
        if (stacks[q] == null) {
          stacks[q] = new int[16];
        } else if (heights[q] == stacks[q].length) {
          stacks[q] = Arrays.copyOf(stacks[q], 2 * heights[q]);
        }
        stacks[q][heights[q]++] = i;
      }
    }
    List<Op> out = new ArrayList<>(ops.size());
    for (int i = 0; i < ops.size(); i++) {
      if (!removed[i]) {
        out.add(ops.get(i));
      }
    }
    return dag.withOps(out);
  }

  private static boolean cancels(Op first, Op second) {
    if (!first.isTwoQubitGate() || !first.name().equals(second.name())) {
      return false;
    }
    return Arrays.equals(first.qubits(), second.qubits())
        || (SYMMETRIC.contains(first.name())
            && first.qubit(0) == second.qubit(1)
            && first.qubit(1) == second.qubit(0));
  }
}
