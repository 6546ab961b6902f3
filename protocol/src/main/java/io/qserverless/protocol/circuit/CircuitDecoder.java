package io.qserverless.protocol.circuit;

import io.qserverless.protocol.Json;
import io.qserverless.quantum.circuit.Barrier;
import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.ClassicalRegister;
import io.qserverless.quantum.circuit.Condition;
import io.qserverless.quantum.circuit.Delay;
import io.qserverless.quantum.circuit.GateDefinition;
import io.qserverless.quantum.circuit.Measure;
import io.qserverless.quantum.circuit.Operation;
import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.QuantumRegister;
import io.qserverless.quantum.circuit.Register;
import io.qserverless.quantum.circuit.Reset;
import io.qserverless.quantum.circuit.StandardGate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Reads circuits, checking each field; one decoder per document (it holds the symbol table). */
final class CircuitDecoder {
  private final Map<UUID, Parameter> symbols = new HashMap<>();
  private final List<GateDefinition> definitions = new ArrayList<>();

  QuantumCircuit decodeRoot(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new CircuitJsonException("$", "expected a circuit object, found " + root);
    }
    String format = Fields.string(root, "format", "$");
    if (!format.startsWith("qserverless.circuit/1")) {
      throw new CircuitJsonException(
          "$.format", "unsupported format '" + format + "', expected '" + CircuitJson.FORMAT + "'");
    }
    JsonNode defs = Fields.array(root, "gate_definitions", "$");
    for (int i = 0; i < defs.size(); i++) {
      definitions.add(decodeDefinition(defs.get(i), "$.gate_definitions[" + i + "]"));
    }
    return decodeCircuit(root, "$");
  }

  private GateDefinition decodeDefinition(JsonNode node, String path) {
    String name = Fields.string(node, "name", path);
    JsonNode params = Fields.array(node, "params", path);
    List<Parameter> formals = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      String p = path + ".params[" + i + "]";
      if (!(ExpressionJson.decode(params.get(i), p, symbols) instanceof Parameter formal)) {
        throw new CircuitJsonException(
            p, "a gate's formal parameter must be a plain parameter, found " + params.get(i));
      }
      formals.add(formal);
    }
    QuantumCircuit body = decodeCircuit(Fields.required(node, "body", path), path + ".body");
    return Fields.model(path, () -> new GateDefinition(name, formals, body));
  }

  private QuantumCircuit decodeCircuit(JsonNode node, String path) {
    JsonNode regs = Fields.array(node, "registers", path);
    List<Register> registers = new ArrayList<>();
    for (int i = 0; i < regs.size(); i++) {
      String p = path + ".registers[" + i + "]";
      String kind = Fields.string(regs.get(i), "kind", p);
      String name = Fields.string(regs.get(i), "name", p);
      int size = Fields.integer(regs.get(i), "size", p);
      registers.add(
          switch (kind) {
            case "quantum" -> Fields.model(p, () -> new QuantumRegister(size, name));
            case "classical" -> Fields.model(p, () -> new ClassicalRegister(size, name));
            default ->
                throw new CircuitJsonException(
                    p + ".kind", "expected 'quantum' or 'classical', found '" + kind + "'");
          });
    }
    QuantumCircuit c =
        Fields.model(
            path + ".registers", () -> new QuantumCircuit(registers.toArray(Register[]::new)));
    if (node.has("name")) {
      c.setName(Fields.string(node, "name", path));
    }
    if (node.has("global_phase")) {
      c.setGlobalPhase(
          ExpressionJson.decode(node.get("global_phase"), path + ".global_phase", symbols));
    }
    if (node.has("metadata") && !node.get("metadata").isNull()) {
      if (!node.get("metadata").isObject()) {
        throw new CircuitJsonException(
            path + ".metadata", "expected an object, found " + node.get("metadata"));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> metadata =
          node.get("metadata").isEmpty()
              ? new LinkedHashMap<>()
              : Json.MAPPER.treeToValue(node.get("metadata"), LinkedHashMap.class);
      c.setMetadata(metadata);
    }
    JsonNode instructions = Fields.array(node, "instructions", path);
    for (int i = 0; i < instructions.size(); i++) {
      String p = path + ".instructions[" + i + "]";
      CircuitInstruction in = decodeInstruction(instructions.get(i), p, c);
      Fields.model(p, () -> c.append(in));
    }
    return c;
  }

  private CircuitInstruction decodeInstruction(JsonNode node, String path, QuantumCircuit c) {
    String name = Fields.string(node, "op", path);
    int[] qubits = Fields.ints(node, "qubits", path);
    int[] clbits = Fields.ints(node, "clbits", path);
    JsonNode paramNodes = Fields.array(node, "params", path);
    ParameterExpression[] params = new ParameterExpression[paramNodes.size()];
    for (int i = 0; i < params.length; i++) {
      params[i] = ExpressionJson.decode(paramNodes.get(i), path + ".params[" + i + "]", symbols);
    }
    Operation op = Fields.model(path, () -> operation(node, name, qubits.length, params, path));
    Condition condition =
        node.has("condition")
            ? decodeCondition(node.get("condition"), path + ".condition", c)
            : null;
    return Fields.model(path, () -> new CircuitInstruction(op, qubits, clbits, condition));
  }

  private Operation operation(
      JsonNode node, String name, int numQubits, ParameterExpression[] params, String path) {
    if (node.has("definition")) {
      int index =
          (int)
              Fields.integer(
                  node.get("definition"), path + ".definition", 0, definitions.size() - 1);
      return definitions.get(index).gate(params);
    }
    return switch (name) {
      case "measure" -> new Measure();
      case "reset" -> new Reset();
      case "barrier" -> new Barrier(numQubits);
      case "delay" ->
          new Delay(params.length == 1 ? params[0] : null, Fields.string(node, "unit", path));
      default -> {
        StandardGate g =
            StandardGate.byName(name)
                .orElseThrow(
                    () ->
                        new CircuitJsonException(
                            path + ".op",
                            "unknown operation '"
                                + name
                                + "': expected a standard gate name, measure, reset, barrier, delay, or a definition index"));
        yield g.isVariableSize() ? g.sized(numQubits, params) : g.gate(params);
      }
    };
  }

  private Condition decodeCondition(JsonNode node, String path, QuantumCircuit c) {
    ClassicalRegister register = null;
    if (node.has("register")) {
      String name = Fields.string(node, "register", path);
      register =
          c.cregs().stream()
              .filter(r -> r.name().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new CircuitJsonException(
                          path + ".register",
                          "no classical register named '" + name + "' in this circuit"));
    }
    int[] bits = Fields.ints(node, "clbits", path);
    long value =
        Fields.integer(Fields.required(node, "value", path), path + ".value", 0, Long.MAX_VALUE);
    ClassicalRegister reg = register;
    return Fields.model(path, () -> new Condition(reg, bits, value));
  }
}
