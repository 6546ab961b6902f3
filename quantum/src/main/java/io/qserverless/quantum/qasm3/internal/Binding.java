package io.qserverless.quantum.qasm3.internal;

import io.qserverless.quantum.qasm2.internal.Statement.Operand;
import java.util.List;

/** What a name stands for while a program is unrolled. */
sealed interface Binding {

  /** A declared qubit register ({@code scalar} for {@code qubit q;}). */
  record Qubits(String register, int size, boolean scalar) implements Binding {}

  /** A subroutine's qubit argument: the qubits the caller passed. */
  record QubitList(List<Operand> qubits) implements Binding {}

  /** A bit register of the circuit, its bits from global clbit {@code offset} on. */
  record Clbits(String register, int offset, int size, boolean scalar) implements Binding {}

  /** A classical variable or constant ({@code width} 0 when unsized). */
  record Variable(Syntax.Type.Kind kind, int width, Value value, boolean constant)
      implements Binding {
    Variable with(Value v) {
      return new Variable(kind, width, v, constant);
    }
  }
}
