package io.qserverless.protocol.value;

import io.qserverless.protocol.circuit.CircuitJson;
import io.qserverless.quantum.circuit.QuantumCircuit;
import tools.jackson.databind.JsonNode;

/** {@code QuantumCircuit} in the envelope, with the circuit JSON of {@link CircuitJson} as value. */
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
    return CircuitJson.fromTree(value);
  }
}
