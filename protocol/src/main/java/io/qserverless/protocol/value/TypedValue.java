package io.qserverless.protocol.value;

import tools.jackson.databind.JsonNode;

/**
 * How one Java type travels inside the {@code {"__type__": name, "__value__": ...}} envelope.
 *
 * @param <T> the Java type, e.g. {@code QuantumCircuit}
 */
interface TypedValue<T> {
  /** The {@code __type__} name, e.g. {@code "QuantumCircuit"}. */
  String name();

  Class<T> type();

  /** The {@code __value__} of {@code value}. */
  JsonNode encode(T value);

  /** The value a {@code __value__} encodes; throws with a one-sentence reason when it cannot. */
  T decode(JsonNode value);

  default JsonNode encodeUnchecked(Object value) {
    return encode(type().cast(value));
  }
}
