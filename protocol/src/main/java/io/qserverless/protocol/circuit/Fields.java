package io.qserverless.protocol.circuit;

import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Typed reads of JSON fields that fail with the field's path and what was expected. */
final class Fields {
  private Fields() {}

  static JsonNode required(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new CircuitJsonException(path + "." + field, "the field is missing");
    }
    return v;
  }

  static String string(JsonNode node, String field, String path) {
    JsonNode v = required(node, field, path);
    if (!v.isString()) {
      throw new CircuitJsonException(path + "." + field, "expected a string, found " + v);
    }
    return v.stringValue();
  }

  static int integer(JsonNode node, String field, String path) {
    return (int)
        integer(
            required(node, field, path), path + "." + field, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  static long integer(JsonNode v, String path, long min, long max) {
    if (!v.isIntegralNumber()
        || !v.canConvertToLong()
        || v.longValue() < min
        || v.longValue() > max) {
      throw new CircuitJsonException(
          path, "expected an integer in " + min + ".." + max + ", found " + v);
    }
    return v.longValue();
  }

  static JsonNode array(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return JsonNodeFactory.instance.arrayNode();
    }
    if (!v.isArray()) {
      throw new CircuitJsonException(path + "." + field, "expected an array, found " + v);
    }
    return v;
  }

  static int[] ints(JsonNode node, String field, String path) {
    JsonNode a = array(node, field, path);
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) integer(a.get(i), path + "." + field + "[" + i + "]", 0, Integer.MAX_VALUE);
    }
    return out;
  }

  static UUID uuid(JsonNode node, String field, String path) {
    String s = string(node, field, path);
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      throw new CircuitJsonException(path + "." + field, "expected a UUID, found '" + s + "'");
    }
  }

  /** Runs a model constructor, turning its refusal into a decoding error at {@code path}. */
  static <T> T model(String path, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new CircuitJsonException(path, e.getMessage(), e);
    }
  }
}
