package io.qserverless.protocol.circuit;

import io.qserverless.protocol.Json;
import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.Condition;
import io.qserverless.quantum.circuit.ControlFlow;
import io.qserverless.quantum.circuit.Delay;
import io.qserverless.quantum.circuit.DiscardedMeasure;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.GateDefinition;
import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.QuantumRegister;
import io.qserverless.quantum.circuit.Register;
import io.qserverless.quantum.circuit.SetBit;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Writes circuits; user gate definitions go to one table, each after the definitions it uses. */
final class CircuitEncoder {
  private final Map<GateDefinition, Integer> definitionIndex = new LinkedHashMap<>();
  private final ArrayNode definitions = JsonNodeFactory.instance.arrayNode();

  ObjectNode encodeRoot(QuantumCircuit circuit) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("format", CircuitJson.FORMAT);
    ObjectNode body = encodeCircuit(circuit);
    root.set("gate_definitions", definitions);
    root.setAll(body);
    return root;
  }

  private ObjectNode encodeCircuit(QuantumCircuit c) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", c.name());
    node.set("global_phase", ExpressionJson.encode(c.globalPhase()));
    try {
      // Empty metadata (the usual case) must not build the JsonMapper: that alone is a third of a
      // job's start-up.
      node.set(
          "metadata",
          c.metadata().isEmpty()
              ? JsonNodeFactory.instance.objectNode()
              : Json.MAPPER.valueToTree(c.metadata()));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "metadata of circuit '"
              + c.name()
              + "' cannot be written as JSON: use strings, numbers, booleans, lists and maps",
          e);
    }
    ArrayNode regs = node.putArray("registers");
    for (Register r : c.registers()) {
      regs.addObject()
          .put("kind", r instanceof QuantumRegister ? "quantum" : "classical")
          .put("name", r.name())
          .put("size", r.size());
    }
    ArrayNode instructions = node.putArray("instructions");
    for (CircuitInstruction in : c.data()) {
      instructions.add(encodeInstruction(in));
    }
    return node;
  }

  private ObjectNode encodeInstruction(CircuitInstruction in) {
    if (in.operation() instanceof ControlFlow
        || in.operation() instanceof DiscardedMeasure
        || in.operation() instanceof SetBit) {
      throw new IllegalArgumentException(
          "circuit JSON cannot hold a "
              + (in.operation() instanceof DiscardedMeasure
                  ? "measurement whose result is discarded; measure into a bit"
                  : "'" + in.operation().name() + "'; send the circuit as OpenQASM 3 text"));
    }
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("op", in.operation().name());
    if (in.operation() instanceof Gate g && g.customDefinition() != null) {
      node.put("definition", define(g.customDefinition()));
    }
    if (in.operation() instanceof Delay d) {
      node.put("unit", d.unit());
    }
    if (!in.operation().params().isEmpty()) {
      ArrayNode params = node.putArray("params");
      for (ParameterExpression p : in.operation().params()) {
        params.add(ExpressionJson.encode(p));
      }
    }
    ArrayNode qubits = node.putArray("qubits");
    for (int q : in.qubits()) {
      qubits.add(q);
    }
    if (in.clbits().length > 0) {
      ArrayNode clbits = node.putArray("clbits");
      for (int c : in.clbits()) {
        clbits.add(c);
      }
    }
    Condition cond = in.condition();
    if (cond != null) {
      ObjectNode cn = node.putObject("condition");
      if (cond.register() != null) {
        cn.put("register", cond.register().name());
      }
      ArrayNode bits = cn.putArray("clbits");
      for (int b : cond.clbits()) {
        bits.add(b);
      }
      cn.put("value", cond.value());
    }
    return node;
  }

  private int define(GateDefinition def) {
    Integer known = definitionIndex.get(def);
    if (known != null) {
      return known;
    }
    ObjectNode body = encodeCircuit(def.body());
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", def.name());
    ArrayNode params = node.putArray("params");
    for (Parameter p : def.params()) {
      params.add(ExpressionJson.encode(p));
    }
    node.set("body", body);
    int index = definitions.size();
    definitions.add(node);
    definitionIndex.put(def, index);
    return index;
  }
}
