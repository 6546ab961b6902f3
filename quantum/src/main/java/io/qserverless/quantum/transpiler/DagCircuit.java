package io.qserverless.quantum.transpiler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The circuit form the passes work on: qubit and clbit counts and a list of {@link Op}s in a
 * topological order (two ops depend on each other exactly when they share a qubit or clbit, and the
 * earlier one comes first).
 *
 * <p>A flat list rather than a node graph keeps passes simple and fast on the small circuits this
 * project transpiles; passes that need the front layer (routing) compute it from the wires. Before
 * layout the qubits are the input's (virtual) qubits; after layout they are physical.
 */
public final class DagCircuit {
  private final int numQubits;
  private final int numClbits;
  private final List<Op> ops;
  private double globalPhase;

  public DagCircuit(int numQubits, int numClbits) {
    this(numQubits, numClbits, new ArrayList<>());
  }

  public DagCircuit(int numQubits, int numClbits, List<Op> ops) {
    this.numQubits = numQubits;
    this.numClbits = numClbits;
    this.ops = new ArrayList<>(ops);
  }

  public int numQubits() {
    return numQubits;
  }

  public int numClbits() {
    return numClbits;
  }

  /** The ops in order, read-only. */
  public List<Op> ops() {
    return Collections.unmodifiableList(ops);
  }

  public DagCircuit add(Op op) {
    ops.add(op);
    return this;
  }

  /**
   * The global phase φ: the circuit's unitary is e^{iφ} times the product of its ops. Passes that
   * replace gates by equivalents up to phase add the difference here, so the output stays exactly
   * equal to the input.
   */
  public double globalPhase() {
    return globalPhase;
  }

  public DagCircuit addGlobalPhase(double phase) {
    globalPhase += phase;
    return this;
  }

  /** An empty circuit with the same bits and global phase. */
  public DagCircuit copyEmpty() {
    return copyEmpty(numQubits);
  }

  /** An empty circuit with the same clbits and global phase and {@code qubits} qubits. */
  public DagCircuit copyEmpty(int qubits) {
    return new DagCircuit(qubits, numClbits).addGlobalPhase(globalPhase);
  }

  /** A circuit with the same bits and global phase holding {@code newOps}. */
  public DagCircuit withOps(List<Op> newOps) {
    return new DagCircuit(numQubits, numClbits, newOps).addGlobalPhase(globalPhase);
  }

  @Override
  public String toString() {
    return "DagCircuit(" + numQubits + "q, " + numClbits + "c) " + ops;
  }
}
