package io.qserverless.protocol.value;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How one Java type travels inside the {@code {"__type__": name, "__value__": ...}} envelope.
 *
 * @param <T> the Java type, e.g. {@code QuantumCircuit}
 */
interface TypedValue<T> {
  /** The {@code __type__} name, e.g. {@code "QuantumCircuit"}. */
  String name();

  /** The Java type encoded this way, or null for an envelope that is only decoded. */
  Class<T> type();

  /** The {@code __value__} of {@code value}. */
  JsonNode encode(T value);

  /** The value a {@code __value__} encodes; throws with a one-sentence reason when it cannot. */
  Object decode(JsonNode value);

  /**
   * The whole envelope of {@code value}; types with fields beside {@code __value__} override it.
   */
  default ObjectNode encodeEnvelope(Object value) {
    ObjectNode envelope = JsonNodeFactory.instance.objectNode();
    envelope.put("__type__", name());
    envelope.set("__value__", encode(type().cast(value)));
    return envelope;
  }

  /** The value of a whole envelope, which has a {@code __value__}. */
  default Object decodeEnvelope(JsonNode envelope) {
    return decode(envelope.get("__value__"));
  }
}
