package io.qserverless.protocol.value;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Encodes program arguments and results to JSON text and back, in the envelopes the Python client
 * (qiskit_serverless with qiskit_ibm_runtime's encoder) writes and reads.
 *
 * <p>Encodable: {@code null}, booleans, numbers (finite), strings, enums (by name), {@code Map}s
 * (keys: strings, numbers or enums, written as strings, as quasi-distributions are), {@code
 * Collection}s and arrays (as lists), records (as objects of their components), and the typed
 * values of {@link TypedValues} in the envelope {@code {"__type__": ..., "__value__": ...}}: {@code
 * QuantumCircuit} (QPY), {@link Complex}, {@code Set}, {@code Parameter} and {@code SparsePauliOp}.
 * Decoding gives {@code Map<String, Object>} (insertion ordered), {@code List<Object>}, {@code
 * String}, {@code Boolean}, {@code Long} (or {@code BigInteger}), {@code Double}, {@code null}, and
 * the envelopes as their Java types; an {@code ndarray} envelope decodes to a Java array ({@code
 * double[]}, {@code long[][]}, {@code Complex[]}, ...).
 *
 * <p>Anything else fails with a {@link ValueEncodingException} naming the place in the value, so a
 * result is never written half-encoded. Thread-safe: stateless.
 */
public final class Values {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String TYPE = "__type__";
  private static final String VALUE = "__value__";

  private Values() {}

  /**
   * The JSON text of {@code value}; fails with the path of the first part that cannot be encoded.
   */
  public static String toJson(Object value) {
    return JsonText.write(toTree(value));
  }

  /** The value that JSON text {@code json} encodes; fails on bad JSON or an unknown type. */
  public static Object fromJson(String json) {
    JsonNode tree;
    try {
      tree = JsonText.parse(json);
    } catch (JacksonException e) {
      throw new ValueEncodingException(
          "value is not valid JSON ("
              + e.getOriginalMessage()
              + "): send a JSON text such as {\"circuits\": []}",
          e);
    }
    return fromTree(tree);
  }

  /** The JSON tree of {@code value}. */
  public static JsonNode toTree(Object value) {
    return encode(value, "$");
  }

  /** The value that the JSON tree {@code node} encodes. */
  public static Object fromTree(JsonNode node) {
    return decode(node, "$");
  }

  private static JsonNode encode(Object value, String path) {
    return switch (value) {
      case null -> NODES.nullNode();
      case String s -> NODES.stringNode(s);
      case Boolean b -> NODES.booleanNode(b);
      case Character c -> NODES.stringNode(c.toString());
      case Double d -> NODES.numberNode(finite(d, path));
      case Float f -> NODES.numberNode((float) finite(f, path));
      case BigDecimal d -> NODES.numberNode(d);
      case BigInteger i -> NODES.numberNode(i);
      case Number n -> NODES.numberNode(n.longValue());
      case Enum<?> e -> NODES.stringNode(e.name());
      default -> encodeObject(value, path);
    };
  }

  private static JsonNode encodeObject(Object value, String path) {
    TypedValue<?> typed = TypedValues.forValue(value);
    if (typed != null) {
      try {
        return typed.encodeEnvelope(value);
      } catch (RuntimeException e) {
        throw new ValueEncodingException(
            "cannot encode the " + typed.name() + " at " + path + ": " + e.getMessage(), e);
      }
    }
    return switch (value) {
      case Map<?, ?> map -> encodeMap(map, path);
      case Collection<?> items -> encodeItems(items, path);
      case Record r -> encodeRecord(r, path);
      default -> encodeOther(value, path);
    };
  }

  private static JsonNode encodeOther(Object value, String path) {
    if (value.getClass().isArray()) {
      int n = Array.getLength(value);
      List<Object> items = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        items.add(Array.get(value, i));
      }
      return encodeItems(items, path);
    }
    throw new ValueEncodingException(
        "cannot encode a "
            + value.getClass().getName()
            + " at "
            + path
            + " as JSON: use null, a boolean, number, string, enum, Map, List, Set, array, record, Complex,"
            + " QuantumCircuit, Parameter or SparsePauliOp");
  }

  private static ObjectNode encodeMap(Map<?, ?> map, String path) {
    ObjectNode node = NODES.objectNode();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key =
          switch (e.getKey()) {
            case String s -> s;
            case Number n -> n.toString();
            case Enum<?> en -> en.name();
            case null, default ->
                throw new ValueEncodingException(
                    "cannot encode the map key "
                        + e.getKey()
                        + " at "
                        + path
                        + ": JSON object keys must be strings, numbers or enums");
          };
      node.set(key, encode(e.getValue(), path + "." + key));
    }
    return node;
  }

  private static ArrayNode encodeItems(Collection<?> items, String path) {
    ArrayNode node = NODES.arrayNode(items.size());
    int i = 0;
    for (Object item : items) {
      node.add(encode(item, path + "[" + i++ + "]"));
    }
    return node;
  }

  private static ObjectNode encodeRecord(Record r, String path) {
    ObjectNode node = NODES.objectNode();
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      Object v;
      try {
        c.getAccessor().setAccessible(true);
        v = c.getAccessor().invoke(r);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new ValueEncodingException(
            "cannot read component "
                + c.getName()
                + " of the record at "
                + path
                + " ("
                + e
                + "): make the record public or pass a Map instead",
            e);
      }
      node.set(c.getName(), encode(v, path + "." + c.getName()));
    }
    return node;
  }

  private static double finite(double d, String path) {
    if (!Double.isFinite(d)) {
      throw new ValueEncodingException(
          "cannot encode the number "
              + d
              + " at "
              + path
              + ": JSON carries only finite numbers; replace it with null or a string");
    }
    return d;
  }

  private static Object decode(JsonNode node, String path) {
    if (node.isObject()) {
      return node.has(TYPE) ? decodeTyped(node, path) : decodeObject(node, path);
    }
    if (node.isArray()) {
      List<Object> items = new ArrayList<>(node.size());
      for (int i = 0; i < node.size(); i++) {
        items.add(decode(node.get(i), path + "[" + i + "]"));
      }
      return items;
    }
    if (node.isString()) {
      return node.stringValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return null;
  }

  private static Map<String, Object> decodeObject(JsonNode node, String path) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      map.put(e.getKey(), decode(e.getValue(), path + "." + e.getKey()));
    }
    return map;
  }

  private static Object decodeTyped(JsonNode node, String path) {
    String name = node.get(TYPE).asString();
    TypedValue<?> typed = TypedValues.forName(name);
    if (typed == null) {
      throw new ValueEncodingException(
          "unknown __type__ '" + name + "' at " + path + ": expected " + TypedValues.names());
    }
    if (!node.has(VALUE)) {
      throw new ValueEncodingException(
          "the "
              + name
              + " at "
              + path
              + " has no __value__: expected "
              + "{\"__type__\": \""
              + name
              + "\", \"__value__\": ...}");
    }
    try {
      return typed.decodeEnvelope(node);
    } catch (RuntimeException e) {
      throw new ValueEncodingException(
          "cannot decode the " + name + " at " + path + ": " + e.getMessage(), e);
    }
  }
}
