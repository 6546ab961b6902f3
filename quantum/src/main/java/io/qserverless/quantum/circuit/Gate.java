package io.qserverless.quantum.circuit;

import io.qserverless.quantum.circuit.internal.Unitaries;
import io.qserverless.quantum.math.ComplexMatrix;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A unitary operation: either a {@link StandardGate} with parameters, or an instance of a
 * user-defined {@link GateDefinition} (an OpenQASM {@code gate} declaration).
 *
 * <p>Immutable. Exactly one of {@link #standardGate()} and {@link #customDefinition()} is non-null;
 * transpiler passes typically switch on {@code standardGate()}.
 */
public final class Gate implements Operation {
  private final String name;
  private final int numQubits;
  private final List<ParameterExpression> params;
  private final StandardGate standard;
  private final GateDefinition custom;

  Gate(StandardGate standard, int numQubits, List<ParameterExpression> params) {
    standard.checkArity(numQubits, params.size());
    this.name = standard.gateName();
    this.numQubits = numQubits;
    this.params = List.copyOf(params);
    this.standard = standard;
    this.custom = null;
  }

  Gate(GateDefinition custom, List<ParameterExpression> params) {
    this.name = custom.name();
    this.numQubits = custom.numQubits();
    this.params = List.copyOf(params);
    this.standard = null;
    this.custom = custom;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int numQubits() {
    return numQubits;
  }

  @Override
  public int numClbits() {
    return 0;
  }

  @Override
  public List<ParameterExpression> params() {
    return params;
  }

  /** The standard gate this is, or null for a user-defined gate. */
  public StandardGate standardGate() {
    return standard;
  }

  /** The user gate declaration this instantiates, or null for a standard gate. */
  public GateDefinition customDefinition() {
    return custom;
  }

  /** Numeric parameter values; throws IllegalStateException if one is still symbolic. */
  public double[] paramValues() {
    double[] v = new double[params.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = params.get(i).evaluate();
    }
    return v;
  }

  /** The unitary (parameters must be bound), with Qiskit's qubit order and global phase. */
  public ComplexMatrix matrix() {
    return standard != null
        ? standard.matrix(numQubits, paramValues())
        : Unitaries.of(definition().orElseThrow());
  }

  /** The circuit this gate expands to one level down; empty for the primitives u and cx. */
  public Optional<QuantumCircuit> definition() {
    return standard != null
        ? standard.definition(numQubits, params)
        : Optional.of(custom.instantiate(params));
  }

  public Gate inverse() {
    return standard != null ? standard.inverse(numQubits, params) : custom.inverse().gate(params);
  }

  @Override
  public Gate substitute(Map<Parameter, ? extends ParameterExpression> values) {
    List<ParameterExpression> bound = params.stream().map(p -> p.substitute(values)).toList();
    return standard != null ? new Gate(standard, numQubits, bound) : new Gate(custom, bound);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Gate g
        && name.equals(g.name)
        && numQubits == g.numQubits
        && params.equals(g.params)
        && standard == g.standard
        && Objects.equals(custom, g.custom);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, numQubits, params);
  }

  @Override
  public String toString() {
    return params.isEmpty() ? name : name + params.toString().replace('[', '(').replace(']', ')');
  }
}
