package io.qserverless.quantum.circuit;

import io.qserverless.quantum.circuit.internal.StandardDefinitions;
import io.qserverless.quantum.circuit.internal.StandardInverses;
import io.qserverless.quantum.circuit.internal.StandardMatrices;
import io.qserverless.quantum.math.ComplexMatrix;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The standard gate library, with Qiskit's names, matrices (little-endian, exact global phases),
 * inverses and definitions.
 *
 * <p>{@link #MCX} and {@link #MCP} take any number of qubits (controls first, target last); every
 * other gate has a fixed {@link #numQubits()}. {@link #U} and {@link #CX} are the primitives: every
 * other gate's {@link #definition} expands, level by level, down to them.
 */
public enum StandardGate {
  I("id", 1, 0),
  X("x", 1, 0),
  Y("y", 1, 0),
  Z("z", 1, 0),
  H("h", 1, 0),
  S("s", 1, 0),
  SDG("sdg", 1, 0),
  T("t", 1, 0),
  TDG("tdg", 1, 0),
  SX("sx", 1, 0),
  SXDG("sxdg", 1, 0),
  RX("rx", 1, 1),
  RY("ry", 1, 1),
  RZ("rz", 1, 1),
  P("p", 1, 1),
  R("r", 1, 2),
  U("u", 1, 3),
  U1("u1", 1, 1),
  U2("u2", 1, 2),
  U3("u3", 1, 3),
  CX("cx", 2, 0),
  CY("cy", 2, 0),
  CZ("cz", 2, 0),
  CH("ch", 2, 0),
  CS("cs", 2, 0),
  CSDG("csdg", 2, 0),
  CSX("csx", 2, 0),
  CP("cp", 2, 1),
  CU1("cu1", 2, 1),
  CRX("crx", 2, 1),
  CRY("cry", 2, 1),
  CRZ("crz", 2, 1),
  CU("cu", 2, 4),
  CU3("cu3", 2, 3),
  SWAP("swap", 2, 0),
  ISWAP("iswap", 2, 0),
  DCX("dcx", 2, 0),
  ECR("ecr", 2, 0),
  RXX("rxx", 2, 1),
  RYY("ryy", 2, 1),
  RZZ("rzz", 2, 1),
  RZX("rzx", 2, 1),
  XX_MINUS_YY("xx_minus_yy", 2, 2),
  XX_PLUS_YY("xx_plus_yy", 2, 2),
  CCX("ccx", 3, 0),
  CCZ("ccz", 3, 0),
  CSWAP("cswap", 3, 0),
  RCCX("rccx", 3, 0),
  C3SX("c3sx", 4, 0),
  RC3X("rcccx", 4, 0),
  /** Multi-controlled X: controls first, target last; any number of qubits from 2. */
  MCX("mcx", 0, 0),
  /** Multi-controlled phase: controls first, target last; any number of qubits from 2. */
  MCP("mcphase", 0, 1);

  private static final Map<String, StandardGate> BY_NAME = new HashMap<>();

  static {
    for (StandardGate g : values()) {
      BY_NAME.put(g.gateName, g);
    }
  }

  private final String gateName;
  private final int numQubits;
  private final int numParams;

  StandardGate(String gateName, int numQubits, int numParams) {
    this.gateName = gateName;
    this.numQubits = numQubits;
    this.numParams = numParams;
  }

  /** The Qiskit / OpenQASM name, e.g. {@code cx}. */
  public String gateName() {
    return gateName;
  }

  /** Number of qubits, or 0 for the variable-size {@link #MCX} and {@link #MCP}. */
  public int numQubits() {
    return numQubits;
  }

  public int numParams() {
    return numParams;
  }

  public boolean isVariableSize() {
    return numQubits == 0;
  }

  /** The standard gate with this Qiskit name, if any. */
  public static Optional<StandardGate> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** This gate, for a fixed-size gate without parameters. */
  public Gate gate() {
    return gate(new ParameterExpression[0]);
  }

  /** This gate with numeric parameters (a fixed-size gate). */
  public Gate gate(double... params) {
    return gate(
        Arrays.stream(params)
            .mapToObj(ParameterExpression::of)
            .toArray(ParameterExpression[]::new));
  }

  /** This gate with symbolic parameters (a fixed-size gate). */
  public Gate gate(ParameterExpression... params) {
    if (isVariableSize()) {
      throw new IllegalArgumentException(
          "'"
              + gateName
              + "' takes any number of qubits: use sized(numQubits, params) to say how many");
    }
    return new Gate(this, numQubits, List.of(params));
  }

  /**
   * This gate on {@code numQubits} qubits (for {@link #MCX}/{@link #MCP}; fixed-size gates must
   * match).
   */
  public Gate sized(int numQubits, ParameterExpression... params) {
    return new Gate(this, numQubits, List.of(params));
  }

  /** The unitary for numeric parameters on {@code numQubits} qubits. */
  public ComplexMatrix matrix(int numQubits, double... params) {
    checkArity(numQubits, params.length);
    return StandardMatrices.of(this, numQubits, params);
  }

  /** The inverse, exact including global phase. */
  public Gate inverse(int numQubits, List<ParameterExpression> params) {
    checkArity(numQubits, params.size());
    return StandardInverses.of(this, numQubits, params);
  }

  /**
   * The definition in simpler gates, with the same unitary including global phase; empty for the
   * primitives {@link #U} and {@link #CX}.
   */
  public Optional<QuantumCircuit> definition(int numQubits, List<ParameterExpression> params) {
    checkArity(numQubits, params.size());
    return Optional.ofNullable(StandardDefinitions.of(this, numQubits, params));
  }

  void checkArity(int qubits, int params) {
    if (params != numParams) {
      throw new IllegalArgumentException(
          "'" + gateName + "' takes " + numParams + " parameters, got " + params);
    }
    if (isVariableSize() ? qubits < 2 : qubits != numQubits) {
      throw new IllegalArgumentException(
          "'"
              + gateName
              + "' acts on "
              + (isVariableSize() ? "2 or more" : numQubits)
              + " qubits, got "
              + qubits);
    }
  }
}
