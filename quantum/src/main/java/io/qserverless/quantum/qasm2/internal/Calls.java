package io.qserverless.quantum.qasm2.internal;

import io.qserverless.quantum.circuit.Barrier;
import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.qasm2.internal.Modifiers.Step;
import io.qserverless.quantum.qasm2.internal.Statement.GateCall;
import io.qserverless.quantum.qasm2.internal.Statement.Modifier;
import io.qserverless.quantum.qasm2.internal.Statement.Operand;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves gate calls, at top level or inside a gate body: finds the gate, converts the arguments,
 * checks the counts, applies OpenQASM 3 modifiers and broadcasts over registers.
 */
final class Calls {

  /** The largest power a rotation takes (p, rz, cp, ...: its angle times the power). */
  static final int MAX_POWER = 1 << 30;

  private final CircuitBuilder builder;
  private final Set<Gate> checked = new HashSet<>();

  Calls(CircuitBuilder builder) {
    this.builder = builder;
  }

  /**
   * Checks that a {@code gate} or {@code opaque} declaration names each qubit and parameter once
   * and no name as both; returns the qubit names' positions.
   */
  Map<String, Integer> formalQubits(Statement.GateDefinition g) {
    Map<String, Integer> qubits = new HashMap<>();
    for (String q : g.qubits()) {
      if (qubits.put(q, qubits.size()) != null) {
        throw builder.error(
            g.at(),
            "gate '" + g.name() + "' names qubit '" + q + "' twice; give each qubit its own name");
      }
    }
    Set<String> parameters = new HashSet<>();
    for (String p : g.parameters()) {
      if (qubits.containsKey(p)) {
        throw builder.error(
            g.at(),
            "gate '"
                + g.name()
                + "' names '"
                + p
                + "' both a parameter and a qubit; give each its own name");
      }
      if (!parameters.add(p)) {
        throw builder.error(
            g.at(),
            "gate '" + g.name() + "' names parameter '" + p + "' twice; give each its own name");
      }
    }
    return qubits;
  }

  /** The body of a {@code gate} declaration over its formal {@code params}. */
  QuantumCircuit body(Statement.GateDefinition g, List<Parameter> params) {
    Map<String, Integer> qubits = formalQubits(g);
    Map<String, Parameter> names = new HashMap<>();
    for (Parameter p : params) {
      names.put(p.name(), p);
    }
    Function<Operand, int[]> local =
        o -> {
          Integer q = qubits.get(o.register());
          if (q == null || !o.whole()) {
            throw builder.error(
                o.at(),
                q == null
                    ? "unknown qubit '"
                        + o.register()
                        + "' in gate '"
                        + g.name()
                        + "'; its qubits are "
                        + g.qubits()
                    : "inside a gate body qubits are named without an index; write '"
                        + o.register()
                        + "'");
          }
          return new int[] {q};
        };
    Function<Expr.Name, ParameterExpression> parameter =
        n -> {
          Parameter p = names.get(n.name());
          if (p == null) {
            throw builder.error(
                n.at(),
                "unknown parameter '"
                    + n.name()
                    + "' in gate '"
                    + g.name()
                    + "'; its parameters are "
                    + g.parameters());
          }
          return p;
        };
    QuantumCircuit body = new QuantumCircuit(g.qubits().size());
    for (Statement s : g.body()) {
      if (s instanceof Statement.Barrier b) {
        int[] all =
            b.qubits().isEmpty()
                ? CircuitBuilder.range(0, g.qubits().size())
                : b.qubits().stream().mapToInt(o -> local.apply(o)[0]).distinct().toArray();
        body.append(new Barrier(all.length), all);
        continue;
      }
      for (Step step : steps((GateCall) s, local, parameter)) {
        if (step.gate() == null) {
          body.setGlobalPhase(Modifiers.addPhase(body.globalPhase(), step.phase()));
        } else {
          body.append(step.gate(), step.qubits());
        }
      }
    }
    return body;
  }

  /** The gates one call stands for, on the qubits {@code qubits} resolves its operands to. */
  List<Step> steps(
      GateCall call,
      Function<Operand, int[]> qubits,
      Function<Expr.Name, ParameterExpression> names) {
    List<ParameterExpression> args = new ArrayList<>();
    for (Expr e : call.arguments()) {
      args.add(e.toParameter(names));
    }
    Step base;
    int baseQubits;
    if (builder.version() == 3 && call.name().equals("gphase")) {
      checkCount(call, "parameter", 1, args.size());
      base = new Step(null, args.getFirst(), new int[0]);
      baseQubits = 0;
    } else {
      GateSignature gate = builder.gates().get(call.name());
      if (gate == null) {
        throw builder.error(call.at(), "unknown gate '" + call.name() + "'" + hint(call.name()));
      }
      checkCount(call, "parameter", gate.numParams(), args.size());
      Gate instance = gate.instantiate(args);
      checkFinite(instance, call);
      base = new Step(instance, null, CircuitBuilder.range(0, gate.numQubits()));
      baseQubits = gate.numQubits();
    }
    int controls = 0;
    for (Modifier m : call.modifiers()) {
      controls +=
          m.kind() == Modifier.Kind.CTRL || m.kind() == Modifier.Kind.NEGCTRL ? count(m) : 0;
    }
    checkCount(call, "qubit", baseQubits + controls, call.operands().size());
    List<Step> local = call.modifiers().isEmpty() ? List.of(base) : modified(call, base);
    List<int[]> operands = call.operands().stream().map(qubits).toList();
    List<Step> out = new ArrayList<>();
    for (int[] instance : broadcast(builder, call.operands(), operands, call.at(), true)) {
      for (Step s : local) {
        int[] actual = new int[s.qubits().length];
        for (int i = 0; i < actual.length; i++) {
          actual[i] = instance[s.qubits()[i]];
        }
        out.add(new Step(s.gate(), s.phase(), actual));
      }
    }
    return out;
  }

  /**
   * Refuses a user gate whose body, with the call's numbers bound, computes an angle that is NaN or
   * infinite ({@code gate g(a) q { rz(ln(a)) q; } g(0) q[0];}). Each distinct gate is walked once.
   */
  private void checkFinite(Gate gate, GateCall call) {
    if (gate.customDefinition() == null
        || gate.customDefinition().isOpaque()
        || !checked.add(gate)) {
      return;
    }
    for (CircuitInstruction in : gate.definition().orElseThrow().data()) {
      if (in.operation() instanceof Gate inner) {
        for (ParameterExpression p : inner.params()) {
          if (p.isBound() && !Double.isFinite(p.evaluate())) {
            throw builder.error(
                call.at(),
                "gate '"
                    + call.name()
                    + "' called with "
                    + gate.params()
                    + " gives its '"
                    + inner.name()
                    + "' the angle "
                    + p.evaluate()
                    + ", not a finite real number; call it with other arguments");
          }
        }
        checkFinite(inner, call);
      }
    }
  }

  private List<Step> modified(GateCall call, Step base) {
    try {
      return Modifiers.apply(call.modifiers(), base, this::count);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw builder.error(
          call.at(), "cannot apply the modifiers to '" + call.name() + "': " + e.getMessage());
    }
  }

  /** The integer argument of a modifier: the control count (default 1) or the power. */
  private int count(Modifier m) {
    if (m.argument() == null) {
      return 1;
    }
    double v;
    try {
      v =
          m.argument()
              .toParameter(
                  n -> {
                    throw builder.error(
                        n.at(),
                        "a modifier argument must be a constant integer; '"
                            + n.name()
                            + "' is not known here");
                  })
              .evaluate();
    } catch (IllegalStateException e) {
      throw builder.error(m.at(), "a modifier argument must be a constant integer");
    }
    boolean control = m.kind() != Modifier.Kind.POW;
    if (v != Math.rint(v) || (control ? v < 1 || v > 64 : Math.abs(v) > MAX_POWER)) {
      throw builder.error(
          m.at(),
          m.kind().name().toLowerCase()
              + "("
              + v
              + ") is not supported; use "
              + (control
                  ? "a whole number of controls from 1 to 64"
                  : "a whole power (from -64 to 64, or to ±2^30 for a rotation such as p or rz)"));
    }
    return (int) v;
  }

  private void checkCount(GateCall call, String what, int expected, int found) {
    if (expected != found) {
      throw builder.error(
          call.at(),
          "gate '"
              + call.name()
              + "' takes "
              + expected
              + " "
              + what
              + (expected == 1 ? "" : "s")
              + " but was given "
              + found);
    }
  }

  private String hint(String name) {
    boolean qelib = GateLibrary.qelib1().containsKey(name);
    boolean std = GateLibrary.stdgates().containsKey(name);
    if (builder.version() == 2 && qelib) {
      return "; add 'include \"qelib1.inc\";' after the header";
    }
    if (builder.version() == 3 && std) {
      return "; add 'include \"stdgates.inc\";' after the header";
    }
    return builder.version() == 3 && qelib
        ? "; OpenQASM 3's stdgates.inc lacks it, so define it with a 'gate' block"
        : "; declare it with a 'gate' block before use";
  }

  /**
   * The instances of an operation over its operands: single bits stay, whole registers (all the
   * same size) are walked together. Each instance holds one bit per operand.
   */
  static List<int[]> broadcast(
      CircuitBuilder b, List<Operand> operands, List<int[]> bits, Token at, boolean distinct) {
    int size = 1;
    Operand sized = null;
    for (int i = 0; i < operands.size(); i++) {
      if (operands.get(i).whole() && (sized == null || bits.get(i).length != size)) {
        if (sized != null) {
          throw b.error(
              operands.get(i).at(),
              "register '"
                  + operands.get(i).register()
                  + "' has "
                  + bits.get(i).length
                  + " bits but '"
                  + sized.register()
                  + "' has "
                  + size
                  + "; broadcast needs registers of one size");
        }
        sized = operands.get(i);
        size = bits.get(i).length;
      }
    }
    List<int[]> instances = new ArrayList<>();
    for (int k = 0; k < size; k++) {
      int[] instance = new int[operands.size()];
      for (int i = 0; i < instance.length; i++) {
        instance[i] = operands.get(i).whole() ? bits.get(i)[k] : bits.get(i)[0];
        for (int j = 0; distinct && j < i; j++) {
          if (instance[j] == instance[i]) {
            throw b.error(
                operands.get(i).at(),
                "qubit "
                    + operands.get(i)
                    + (operands.get(i).whole() ? "[" + k + "]" : "")
                    + " is used twice in one operation; give each operand a different qubit");
          }
        }
      }
      instances.add(instance);
    }
    return instances;
  }
}
