package io.qserverless.protocol.value;

import java.io.StringWriter;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON text to tree and back with Jackson's streaming parser and generator only.
 *
 * <p>Why not the shared {@code JsonMapper}: building one loads most of jackson-databind, measured
 * at 0.2 s on an idle core and 0.7 s on a loaded one, and a job that only reads its arguments and
 * writes its result would pay it on every start. The output is the same compact JSON.
 */
final class JsonText {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonText() {}

  /** The tree of {@code text}; a Jackson exception for bad syntax or trailing content. */
  static JsonNode parse(String text) {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new ValueEncodingException(
            "value is empty: send a JSON text such as {\"circuits\": []}");
      }
      JsonNode node = read(p, first);
      if (p.nextToken() != null) {
        throw new ValueEncodingException(
            "value has text after its end at offset "
                + p.currentLocation().getCharOffset()
                + ": send one JSON text");
      }
      return node;
    }
  }

  private static JsonNode read(JsonParser p, JsonToken token) {
    return switch (token) {
      case START_OBJECT -> {
        ObjectNode o = NODES.objectNode();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = p.currentName();
          o.set(name, read(p, p.nextToken()));
        }
        yield o;
      }
      case START_ARRAY -> {
        ArrayNode a = NODES.arrayNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          a.add(read(p, t));
        }
        yield a;
      }
      case VALUE_STRING -> NODES.stringNode(p.getString());
      case VALUE_NUMBER_INT ->
          p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
              ? NODES.numberNode(p.getBigIntegerValue())
              : NODES.numberNode(p.getLongValue());
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      default -> NODES.nullNode();
    };
  }

  /** The compact JSON text of {@code node}. */
  static String write(JsonNode node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      write(g, node);
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, JsonNode node) {
    if (node.isObject()) {
      g.writeStartObject();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        g.writeName(e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (node.isArray()) {
      g.writeStartArray();
      for (JsonNode item : node) {
        write(g, item);
      }
      g.writeEndArray();
    } else if (node.isString()) {
      g.writeString(node.stringValue());
    } else if (node.isBoolean()) {
      g.writeBoolean(node.booleanValue());
    } else if (node.isBigInteger()) {
      g.writeNumber(node.bigIntegerValue());
    } else if (node.isBigDecimal()) {
      g.writeNumber(node.decimalValue());
    } else if (node.isFloat()) {
      g.writeNumber(node.floatValue());
    } else if (node.isIntegralNumber()) {
      g.writeNumber(node.longValue());
    } else if (node.isNumber()) {
      g.writeNumber(node.doubleValue());
    } else {
      g.writeNull();
    }
  }
}
