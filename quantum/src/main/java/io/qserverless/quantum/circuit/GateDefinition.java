package io.qserverless.quantum.circuit;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A user-defined gate: a name, formal parameters and a body circuit over those parameters, as an
 * OpenQASM {@code gate name(a, b) q0, q1 { ... }} declaration.
 *
 * <p>{@link #gate} makes an instance with actual parameter values; the instance's {@link
 * Gate#definition()} is the body with the formal parameters substituted. The body must contain only
 * gates (and barriers). Immutable: the body is copied in and out.
 *
 * <p>An {@link #opaque} gate (OpenQASM 2 {@code opaque}) has a name and shape but no body: it can
 * be written and read back, but asking for its body (to simulate or decompose it) fails.
 */
public final class GateDefinition implements Serializable {
  private final String name;
  private final List<Parameter> params;
  private final QuantumCircuit body;
  private final int numQubits;

  public GateDefinition(String name, List<Parameter> params, QuantumCircuit body) {
    checkName(name);
    for (CircuitInstruction in : body.data()) {
      if (!(in.operation() instanceof Gate || in.operation() instanceof Barrier)
          || in.condition() != null) {
        throw new IllegalArgumentException(
            "gate '"
                + name
                + "' body contains '"
                + in.operation().name()
                + "': a gate body may hold only unconditioned gates and barriers");
      }
    }
    for (Parameter p : body.parameters()) {
      if (!params.contains(p)) {
        throw new IllegalArgumentException(
            "gate '"
                + name
                + "' body uses parameter '"
                + p.name()
                + "' that is not among its parameters "
                + params);
      }
    }
    this.name = name;
    this.params = List.copyOf(params);
    this.body = body.copy();
    this.numQubits = body.numQubits();
  }

  private GateDefinition(String name, List<Parameter> params, int numQubits) {
    checkName(name);
    this.name = name;
    this.params = List.copyOf(params);
    this.body = null;
    this.numQubits = numQubits;
  }

  /** A gate without a body, as OpenQASM 2 {@code opaque name(params) qubits;} declares. */
  public static GateDefinition opaque(String name, List<Parameter> params, int numQubits) {
    return new GateDefinition(name, params, numQubits);
  }

  private static void checkName(String name) {
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(
          "gate name '" + name + "' is not an identifier: use letters, digits and _");
    }
  }

  /** True for a gate declared without a body ({@code opaque}). */
  public boolean isOpaque() {
    return body == null;
  }

  public String name() {
    return name;
  }

  public List<Parameter> params() {
    return params;
  }

  public int numQubits() {
    return numQubits;
  }

  /** A copy of the body over the formal parameters; IllegalStateException for an opaque gate. */
  public QuantumCircuit body() {
    if (body == null) {
      throw new IllegalStateException(
          "gate '"
              + name
              + "' is opaque: it has no body to simulate or decompose; declare it with a gate body instead");
    }
    return body.copy();
  }

  /** An instance of this gate with the given actual parameters. */
  public Gate gate(List<? extends ParameterExpression> actual) {
    if (actual.size() != params.size()) {
      throw new IllegalArgumentException(
          "gate '" + name + "' takes " + params.size() + " parameters, got " + actual.size());
    }
    return new Gate(this, List.copyOf(actual));
  }

  public Gate gate(ParameterExpression... actual) {
    return gate(List.of(actual));
  }

  QuantumCircuit instantiate(List<ParameterExpression> actual) {
    Map<Parameter, ParameterExpression> map = new HashMap<>();
    for (int i = 0; i < params.size(); i++) {
      map.put(params.get(i), actual.get(i));
    }
    return body().substitute(map);
  }

  /** The inverse gate, named {@code name_dg} as Qiskit does. */
  public GateDefinition inverse() {
    return body == null
        ? new GateDefinition(name + "_dg", params, numQubits)
        : new GateDefinition(name + "_dg", params, body.inverse());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GateDefinition d
        && name.equals(d.name)
        && params.equals(d.params)
        && numQubits == d.numQubits
        && Objects.equals(body, d.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, params);
  }

  @Override
  public String toString() {
    return "gate " + name + params + " on " + numQubits() + " qubits";
  }
}
