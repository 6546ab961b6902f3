package io.qserverless.protocol.value;

import io.qserverless.protocol.circuit.CircuitJson;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.qasm3.OpenQasm;
import tools.jackson.databind.JsonNode;

/**
 * {@code QuantumCircuit} in the envelope, with the circuit JSON of {@link CircuitJson} as value.
 *
 * <p>Decoding also takes OpenQASM 2 or 3 text as the value, so that a circuit argument can be
 * written by hand in a CLI arguments file or a curl call; encoding always writes circuit JSON,
 * which keeps what OpenQASM cannot (metadata, exact parameter expressions).
 */
final class CircuitValue implements TypedValue<QuantumCircuit> {
  @Override
  public String name() {
    return "QuantumCircuit";
  }

  @Override
  public Class<QuantumCircuit> type() {
    return QuantumCircuit.class;
  }

  @Override
  public JsonNode encode(QuantumCircuit value) {
    return CircuitJson.toTree(value);
  }

  @Override
  public QuantumCircuit decode(JsonNode value) {
    return value.isString() ? OpenQasm.loads(value.asString()) : CircuitJson.fromTree(value);
  }
}
