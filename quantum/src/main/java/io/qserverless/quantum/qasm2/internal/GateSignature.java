package io.qserverless.quantum.qasm2.internal;

import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.GateDefinition;
import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.StandardGate;
import java.util.List;

/**
 * A gate name a program may call, and what a call makes: a {@link StandardGate} of the circuit
 * model (possibly under another OpenQASM name, such as {@code c3x} for a four-qubit {@code mcx}),
 * or a user {@link GateDefinition} (with or without body).
 *
 * @param at where the gate was declared; null for the built-in and include-file gates
 */
record GateSignature(
    String name,
    int numParams,
    int numQubits,
    StandardGate standard,
    GateDefinition custom,
    Token at) {

  static GateSignature standard(String name, StandardGate gate, int numQubits) {
    return new GateSignature(name, gate.numParams(), numQubits, gate, null, null);
  }

  static GateSignature custom(GateDefinition definition, Token at) {
    return new GateSignature(
        definition.name(),
        definition.params().size(),
        definition.numQubits(),
        null,
        definition,
        at);
  }

  Gate instantiate(List<ParameterExpression> params) {
    return standard != null
        ? standard.sized(numQubits, params.toArray(ParameterExpression[]::new))
        : custom.gate(params);
  }

  /** Whether a redefinition with these counts may be read as this gate (Qiskit's leniency). */
  boolean matches(int params, int qubits) {
    return numParams == params && numQubits == qubits;
  }
}
