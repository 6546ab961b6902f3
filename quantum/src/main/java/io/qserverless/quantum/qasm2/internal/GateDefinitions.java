package io.qserverless.quantum.qasm2.internal;

import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.GateDefinition;
import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.StandardGate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code gate} (and {@code opaque}) blocks a written program needs, each written once, after
 * the blocks of the gates its body uses. A gate that the include file defines is called by name and
 * gets no block; a standard gate it lacks (e.g. {@code ryy}) gets a block from the model's
 * definition; a user gate gets its own. Names that clash with the include file or with another
 * definition get a numeric suffix so that no block silently stands for another gate.
 */
final class GateDefinitions {

  private final int version;
  private final Map<Object, String> names = new HashMap<>();
  private final Set<String> taken = new HashSet<>();
  private final StringBuilder text = new StringBuilder();

  GateDefinitions(int version) {
    this.version = version;
    taken.addAll((version == 3 ? GateLibrary.stdgates() : GateLibrary.qelib1()).keySet());
    taken.addAll(
        List.of("U", "CX", "gphase", "measure", "reset", "barrier", "gate", "opaque", "if", "pi"));
  }

  /** The blocks written so far. */
  String text() {
    return text.toString();
  }

  /** How a program calls {@code g}: its name and, if any, its arguments in parentheses. */
  String call(Gate g) {
    String name = name(g);
    return g.params().isEmpty() ? name : name + "(" + arguments(g.params()) + ")";
  }

  private String arguments(List<ParameterExpression> params) {
    return params.stream()
        .map(p -> ExpressionWriter.write(p, version))
        .collect(Collectors.joining(version == 3 ? ", " : ","));
  }

  private String name(Gate g) {
    StandardGate standard = g.standardGate();
    if (standard != null) {
      String known = GateLibrary.nameFor(standard, g.numQubits(), version);
      if (known != null) {
        return known;
      }
      String key = standard.gateName() + "/" + g.numQubits();
      String existing = names.get(key);
      if (existing != null) {
        return existing;
      }
      List<Parameter> formals = new ArrayList<>();
      for (int i = 0; i < standard.numParams(); i++) {
        formals.add(new Parameter("param" + i));
      }
      QuantumCircuit body = standard.definition(g.numQubits(), List.copyOf(formals)).orElseThrow();
      String base =
          standard.isVariableSize()
              ? standard.gateName() + "_" + g.numQubits()
              : standard.gateName();
      return define(key, base, formals, body, g.numQubits());
    }
    GateDefinition custom = g.customDefinition();
    String existing = names.get(custom);
    if (existing != null) {
      return existing;
    }
    return define(
        custom,
        custom.name(),
        custom.params(),
        custom.isOpaque() ? null : custom.body(),
        custom.numQubits());
  }

  private String define(
      Object key, String base, List<Parameter> params, QuantumCircuit body, int numQubits) {
    StringBuilder block = new StringBuilder();
    if (body != null) {
      // The blocks of the gates this body calls come first.
      for (CircuitInstruction in : body.data()) {
        block
            .append(in.operation() instanceof Gate g ? call(g) : "barrier")
            .append(' ')
            .append(qubits(in.qubits()))
            .append("; ");
      }
      if (version == 3 && !body.globalPhase().equals(ParameterExpression.of(0))) {
        block.append("gphase(").append(ExpressionWriter.write(body.globalPhase(), 3)).append("); ");
      }
    } else if (version == 3) {
      throw new IllegalArgumentException(
          "OpenQASM 3 has no opaque gates, but the circuit uses opaque gate '"
              + base
              + "'; give it a definition or write OpenQASM 2 with Qasm2.dumps");
    }
    String name = unique(base);
    names.put(key, name);
    String signature =
        name
            + (params.isEmpty()
                ? ""
                : "("
                    + params.stream()
                        .map(Parameter::name)
                        .collect(Collectors.joining(version == 3 ? ", " : ","))
                    + ")")
            + " "
            + qubits(CircuitBuilder.range(0, numQubits));
    text.append(
        body == null ? "opaque " + signature + ";\n" : "gate " + signature + " { " + block + "}\n");
    return name;
  }

  private String unique(String base) {
    String name = base;
    for (int i = 1; !taken.add(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  private String qubits(int[] local) {
    return java.util.Arrays.stream(local)
        .mapToObj(q -> "q" + q)
        .collect(Collectors.joining(version == 3 ? ", " : ","));
  }
}
