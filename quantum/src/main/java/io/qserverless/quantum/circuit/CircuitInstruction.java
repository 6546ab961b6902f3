package io.qserverless.quantum.circuit;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of {@link QuantumCircuit#data()}: an operation on given qubits and clbits (global
 * indices), optionally under a classical condition.
 *
 * <p>Immutable. The index arrays are copied in; {@link #qubits()} and {@link #clbits()} return
 * copies, while {@link #qubit(int)} / {@link #clbit(int)} read without copying on hot paths.
 *
 * @param condition null when the instruction is unconditional
 */
public record CircuitInstruction(
    Operation operation, int[] qubits, int[] clbits, Condition condition) implements Serializable {
  public CircuitInstruction {
    Objects.requireNonNull(operation, "operation");
    qubits = qubits.clone();
    clbits = clbits.clone();
    if (qubits.length != operation.numQubits() || clbits.length != operation.numClbits()) {
      throw new IllegalArgumentException(
          "'"
              + operation.name()
              + "' acts on "
              + operation.numQubits()
              + " qubits and "
              + operation.numClbits()
              + " clbits but was given "
              + qubits.length
              + " qubits "
              + Arrays.toString(qubits)
              + " and "
              + clbits.length
              + " clbits "
              + Arrays.toString(clbits));
    }
  }

  public CircuitInstruction(Operation operation, int... qubits) {
    this(operation, qubits, new int[0], null);
  }

  public int qubit(int i) {
    return qubits[i];
  }

  public int clbit(int i) {
    return clbits[i];
  }

  @Override
  public int[] qubits() {
    return qubits.clone();
  }

  @Override
  public int[] clbits() {
    return clbits.clone();
  }

  public CircuitInstruction withOperation(Operation op) {
    return new CircuitInstruction(op, qubits, clbits, condition);
  }

  public CircuitInstruction withQubits(int... newQubits) {
    return new CircuitInstruction(operation, newQubits, clbits, condition);
  }

  public CircuitInstruction withCondition(Condition c) {
    return new CircuitInstruction(operation, qubits, clbits, c);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CircuitInstruction i
        && operation.equals(i.operation)
        && Arrays.equals(qubits, i.qubits)
        && Arrays.equals(clbits, i.clbits)
        && Objects.equals(condition, i.condition);
  }

  @Override
  public int hashCode() {
    return Objects.hash(operation, Arrays.hashCode(qubits), Arrays.hashCode(clbits), condition);
  }

  @Override
  public String toString() {
    String s =
        operation.name()
            + (operation.params().isEmpty() ? "" : operation.params().toString())
            + " q"
            + Arrays.toString(qubits)
            + (clbits.length > 0 ? " c" + Arrays.toString(clbits) : "");
    return condition == null ? s : s + " if " + condition;
  }
}
