package io.qserverless.quantum.transpiler;

import io.qserverless.quantum.circuit.Condition;
import io.qserverless.quantum.circuit.Operation;
import io.qserverless.quantum.math.ComplexMatrix;
import io.qserverless.quantum.transpiler.internal.SynthesisGates;
import java.util.Arrays;

/**
 * One instruction of a {@link DagCircuit}: a gate or directive on qubits (and clbits).
 *
 * <p>Gates are lowered before the passes run, so an op is one of: a single-qubit gate carrying its
 * 2×2 {@link #matrix()} (any name), a known two-qubit gate {@code cx}, {@code cz}, {@code ecr},
 * {@code swap}, a two-qubit {@code unitary} with a 4×4 matrix, or a directive {@code measure},
 * {@code reset}, {@code barrier}, {@code delay} that keeps its original {@link #source()}.
 * Immutable by convention: passes build new ops rather than editing arrays.
 *
 * @param name gate name; basis gates keep their Qiskit name
 * @param qubits the qubits, first one the control for controlled gates
 * @param clbits the clbits written (measure only)
 * @param params numeric angles ({@code rz} has one)
 * @param matrix the unitary (single-qubit gates and {@code unitary}); null for the rest
 * @param source the original operation for directives, else null
 * @param condition the classical condition, or null
 */
public record Op(
    String name,
    int[] qubits,
    int[] clbits,
    double[] params,
    ComplexMatrix matrix,
    Operation source,
    Condition condition) {
  private static final int[] NONE = new int[0];
  private static final double[] NO_PARAMS = new double[0];

  /** A single-qubit gate with its matrix. */
  public static Op oneQubit(String name, int qubit, ComplexMatrix matrix, double... params) {
    return new Op(name, new int[] {qubit}, NONE, params, matrix, null, null);
  }

  /** {@code rz(angle)}. */
  public static Op rz(int qubit, double angle) {
    return oneQubit("rz", qubit, SynthesisGates.rz(angle), angle);
  }

  /** A known two-qubit gate ({@code cx}, {@code cz}, {@code ecr}, {@code swap}) on (a, b). */
  public static Op twoQubit(String name, int a, int b) {
    return new Op(name, new int[] {a, b}, NONE, NO_PARAMS, null, null, null);
  }

  /** A two-qubit unitary; {@code matrix} is big-endian in (a, b): see {@link SynthesisGates}. */
  public static Op unitary(int a, int b, ComplexMatrix matrix) {
    return new Op("unitary", new int[] {a, b}, NONE, NO_PARAMS, matrix, null, null);
  }

  public int qubit(int i) {
    return qubits[i];
  }

  public int numQubits() {
    return qubits.length;
  }

  /** Whether this is an unconditioned single-qubit gate (something 1q synthesis may merge). */
  public boolean isOneQubitGate() {
    return matrix != null && qubits.length == 1 && condition == null;
  }

  /** Whether this is an unconditioned two-qubit gate. */
  public boolean isTwoQubitGate() {
    return qubits.length == 2 && source == null && condition == null;
  }

  /** Whether this is a two-qubit gate (conditioned or not), so its qubits must be coupled. */
  public boolean needsCoupling() {
    return source == null && qubits.length == 2;
  }

  /** Whether this op is a gate (unitary), conditioned or not. */
  public boolean isGate() {
    return source == null;
  }

  /** This op on other qubits. */
  public Op withQubits(int... newQubits) {
    return new Op(name, newQubits, clbits, params, matrix, source, condition);
  }

  /** This op under a classical condition. */
  public Op withCondition(Condition c) {
    return new Op(name, qubits, clbits, params, matrix, source, c);
  }

  /** This op's qubits relabelled through {@code map} (new index = map[old]). */
  public Op remap(int[] map) {
    int[] q = new int[qubits.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = map[qubits[i]];
    }
    return withQubits(q);
  }

  @Override
  public String toString() {
    return name
        + (params.length > 0 ? Arrays.toString(params) : "")
        + " q"
        + Arrays.toString(qubits)
        + (clbits.length > 0 ? " c" + Arrays.toString(clbits) : "");
  }
}
