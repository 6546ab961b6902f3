package io.qserverless.protocol.circuit;

import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.ParameterExpression.Binary;
import io.qserverless.quantum.circuit.ParameterExpression.BinaryOp;
import io.qserverless.quantum.circuit.ParameterExpression.Constant;
import io.qserverless.quantum.circuit.ParameterExpression.Function;
import io.qserverless.quantum.circuit.ParameterExpression.Unary;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parameter expressions as JSON trees: a number; {@code {"parameter": name, "uuid": id}}; {@code
 * {"unary": "sin", "operand": e}}; {@code {"binary": "*", "left": e, "right": e}}. Non-finite
 * constants are {@code {"constant": "NaN" | "Infinity" | "-Infinity"}} since JSON numbers cannot
 * hold them. Doubles print in their shortest round-trip form, so decoding is exact.
 */
final class ExpressionJson {
  private ExpressionJson() {}

  static JsonNode encode(ParameterExpression e) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    switch (e) {
      case Constant c when Double.isFinite(c.value()) -> {
        return JsonNodeFactory.instance.numberNode(c.value());
      }
      case Constant c -> node.put("constant", Double.toString(c.value()));
      case Parameter p -> node.put("parameter", p.name()).put("uuid", p.uuid().toString());
      case Unary u -> node.put("unary", u.function().symbol()).set("operand", encode(u.operand()));
      case Binary b -> {
        node.put("binary", b.op().symbol());
        node.set("left", encode(b.left()));
        node.set("right", encode(b.right()));
      }
    }
    return node;
  }

  /**
   * Decodes, reusing one Parameter object per uuid so that a decoded circuit binds consistently.
   */
  static ParameterExpression decode(JsonNode node, String path, Map<UUID, Parameter> symbols) {
    if (node == null || node.isNull()) {
      throw new CircuitJsonException(path, "a parameter expression is missing");
    }
    if (node.isNumber()) {
      return ParameterExpression.of(node.doubleValue());
    }
    if (!node.isObject()) {
      throw new CircuitJsonException(
          path, "expected a number or an expression object, found " + node);
    }
    if (node.has("constant")) {
      try {
        return ParameterExpression.of(Double.parseDouble(Fields.string(node, "constant", path)));
      } catch (NumberFormatException ex) {
        throw new CircuitJsonException(
            path + ".constant",
            "expected NaN, Infinity or -Infinity, found " + node.get("constant"));
      }
    }
    if (node.has("parameter")) {
      String name = Fields.string(node, "parameter", path);
      UUID uuid = Fields.uuid(node, "uuid", path);
      Parameter p =
          symbols.computeIfAbsent(uuid, id -> Fields.model(path, () -> new Parameter(name, id)));
      if (!p.name().equals(name)) {
        throw new CircuitJsonException(
            path,
            "parameter uuid " + uuid + " is named both '" + p.name() + "' and '" + name + "'");
      }
      return p;
    }
    if (node.has("unary")) {
      String symbol = Fields.string(node, "unary", path);
      for (Function f : Function.values()) {
        if (f.symbol().equals(symbol)) {
          return decode(node.get("operand"), path + ".operand", symbols).apply(f);
        }
      }
      throw new CircuitJsonException(
          path + ".unary",
          "unknown function '"
              + symbol
              + "', expected one of - sin cos tan asin acos atan exp ln sqrt abs");
    }
    if (node.has("binary")) {
      String symbol = Fields.string(node, "binary", path);
      ParameterExpression left = decode(node.get("left"), path + ".left", symbols);
      ParameterExpression right = decode(node.get("right"), path + ".right", symbols);
      for (BinaryOp op : BinaryOp.values()) {
        if (op.symbol().equals(symbol)) {
          return switch (op) {
            case ADD -> left.add(right);
            case SUB -> left.sub(right);
            case MUL -> left.mul(right);
            case DIV -> left.div(right);
            case POW -> left.pow(right);
          };
        }
      }
      throw new CircuitJsonException(
          path + ".binary", "unknown operator '" + symbol + "', expected one of + - * / **");
    }
    throw new CircuitJsonException(
        path, "expected one of the keys constant, parameter, unary, binary, found " + node);
  }
}
