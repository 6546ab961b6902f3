package io.qserverless.protocol.circuit;

import io.qserverless.protocol.Json;
import io.qserverless.quantum.circuit.QuantumCircuit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The lossless JSON encoding of a {@link QuantumCircuit} for job arguments and results: registers,
 * instructions with conditions, symbolic parameters, user gate definitions, global phase, name and
 * metadata. The format is documented in docs/quantum.md ("Circuit JSON").
 *
 * <pre>{@code
 * JsonNode tree = CircuitJson.toTree(circuit);
 * QuantumCircuit back = CircuitJson.fromTree(tree);   // equal instructions, same parameter uuids
 * }</pre>
 *
 * <p>Decoding checks every field and fails with a {@link CircuitJsonException} naming the JSON
 * path. Stateless and thread-safe.
 */
public final class CircuitJson {
  /** The value of the {@code format} field; a decoder refuses other major versions. */
  public static final String FORMAT = "qserverless.circuit/1";

  private CircuitJson() {}

  public static ObjectNode toTree(QuantumCircuit circuit) {
    return new CircuitEncoder().encodeRoot(circuit);
  }

  public static QuantumCircuit fromTree(JsonNode node) {
    return new CircuitDecoder().decodeRoot(node);
  }

  public static String toJson(QuantumCircuit circuit) {
    return Json.MAPPER.writeValueAsString(toTree(circuit));
  }

  public static QuantumCircuit fromJson(String json) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new CircuitJsonException(
          "$", "the text is not JSON (" + e.getOriginalMessage() + ")", e);
    }
    return fromTree(node);
  }
}
