package io.qserverless.quantum.transpiler.passes.optimization;

import io.qserverless.quantum.math.ComplexMatrix;
import io.qserverless.quantum.transpiler.DagCircuit;
import io.qserverless.quantum.transpiler.Op;
import io.qserverless.quantum.transpiler.PropertySet;
import io.qserverless.quantum.transpiler.TransformationPass;
import io.qserverless.quantum.transpiler.internal.Lowering;
import io.qserverless.quantum.transpiler.internal.SynthesisGates;
import io.qserverless.quantum.transpiler.internal.TwoQubitDecomposer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects maximal blocks of gates acting on one pair of qubits, multiplies each into a 4×4 unitary
 * and replaces it by its KAK synthesis when that needs fewer CX than the block holds (a SWAP counts
 * three). Qiskit does this with ConsolidateBlocks followed by UnitarySynthesis. Runs before basis
 * translation, on CX-level circuits.
 */
public final class ResynthesizeTwoQubitBlocks implements TransformationPass {

  private static final class Block {
    final int a;
    final int b;
    final List<Op> ops = new ArrayList<>();
    int cost;

    Block(int a, int b) {
      this.a = a;
      this.b = b;
    }
  }

  @Override
  public DagCircuit transform(DagCircuit dag, PropertySet properties) {
    List<Op> out = new ArrayList<>(dag.ops().size());
    double phase = 0;
    Block[] open = new Block[dag.numQubits()];
    for (Op op : dag.ops()) {
      if (op.isOneQubitGate()) {
        Block blk = open[op.qubit(0)];
        if (blk != null) {
          blk.ops.add(op);
        } else {
          out.add(op);
        }
      } else if (op.isTwoQubitGate()) {
        int a = op.qubit(0);
        int b = op.qubit(1);
        if (open[a] == null || open[a] != open[b]) {
          phase += close(open, a, out) + close(open, b, out);
          open[a] = open[b] = new Block(a, b);
        }
        open[a].ops.add(op);
        open[a].cost += cost(op);
      } else {
        for (int q : op.qubits()) {
          phase += close(open, q, out);
        }
        out.add(op);
      }
    }
    for (int q = 0; q < open.length; q++) {
      phase += close(open, q, out);
    }
    return dag.withOps(out).addGlobalPhase(phase);
  }

  private static int cost(Op op) {
    return switch (op.name()) {
      case "cx", "cz", "ecr" -> 1;
      case "swap" -> 3;
      default -> TwoQubitDecomposer.cxCount(Lowering.matrixOf(op));
    };
  }

  /** Emits the block open on {@code q}, if any; returns the global phase the rewrite adds. */
  private static double close(Block[] open, int q, List<Op> out) {
    Block blk = open[q];
    if (blk == null) {
      return 0;
    }
    open[blk.a] = null;
    open[blk.b] = null;
    if (blk.cost < 2) {
      out.addAll(blk.ops);
      return 0;
    }
    ComplexMatrix u = ComplexMatrix.identity(4);
    for (Op op : blk.ops) {
      u = embed(op, blk).multiply(u);
    }
    List<TwoQubitDecomposer.Step> steps = TwoQubitDecomposer.synthesize(u);
    long cx = steps.stream().filter(s -> s instanceof TwoQubitDecomposer.Cx).count();
    if (cx >= blk.cost) {
      out.addAll(blk.ops);
      return 0;
    }
    for (TwoQubitDecomposer.Step s : steps) {
      switch (s) {
        case TwoQubitDecomposer.Local l -> {
          out.add(Op.oneQubit("u", blk.a, l.q0()));
          out.add(Op.oneQubit("u", blk.b, l.q1()));
        }
        case TwoQubitDecomposer.Cx c ->
            out.add(
                c.reversed() ? Op.twoQubit("cx", blk.b, blk.a) : Op.twoQubit("cx", blk.a, blk.b));
      }
    }
    return u.phaseTo(TwoQubitDecomposer.matrixOf(steps));
  }

  /** The op's unitary on the block's pair, first block qubit on the left. */
  private static ComplexMatrix embed(Op op, Block blk) {
    ComplexMatrix m = Lowering.matrixOf(op);
    if (op.numQubits() == 1) {
      return op.qubit(0) == blk.a ? m.tensor(SynthesisGates.I2) : SynthesisGates.I2.tensor(m);
    }
    return Arrays.equals(op.qubits(), new int[] {blk.a, blk.b}) ? m : SynthesisGates.swapQubits(m);
  }
}
