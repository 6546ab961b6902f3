package io.qserverless.protocol.qpy;

import io.qserverless.protocol.qpy.internal.QpyFile;
import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.circuit.QuantumCircuit;
import java.util.List;

/**
 * Qiskit's binary circuit format, QPY, versions 13 to 17: what the Python client sends for a {@code
 * QuantumCircuit} argument (inside base64 of zlib, see {@code Values}) and what it reads back from
 * results.
 *
 * <pre>{@code
 * List<QuantumCircuit> circuits = Qpy.load(bytes);        // qpy.load
 * byte[] bytes = Qpy.dump(List.of(circuit), 16);           // qpy.dump(circuit, version=16)
 * }</pre>
 *
 * <p>Read: registers, the standard gates by class name ({@code HGate}, {@code CXGate}, {@code
 * U3Gate}, {@code ECRGate}, {@code C3XGate}, {@code MCXGate}, ...), {@code Measure}, {@code
 * Barrier}, {@code Reset}, {@code Delay}, {@code GlobalPhaseGate} (folded into the phase), global
 * phase, metadata (JSON), float/int/complex/numpy parameters, {@code Parameter}, {@code
 * ParameterVectorElement} (as a parameter named {@code v[i]}) and {@code ParameterExpression}s,
 * c_if conditions, and custom gates whose definitions are built from these. Everything else
 * (control flow, classical variables, open controls, PauliEvolutionGate, unitary matrices, ...) is
 * refused with a {@link QpyException} "QPY feature X (version V) is not supported", never read
 * approximately. Labels and a transpiled circuit's layout are dropped. Stateless and thread-safe.
 */
public final class Qpy {
  public static final int MIN_VERSION = QpyFile.MIN_VERSION;
  public static final int MAX_VERSION = QpyFile.MAX_VERSION;

  /**
   * The version written when none is asked for: 16, which every Qiskit the 0.35 client accepts (2.2
   * and later) reads, while 17 needs Qiskit 2.3; nothing this writer emits needs 17.
   */
  public static final int DEFAULT_VERSION = 16;

  private Qpy() {}

  /** The circuits of a QPY payload, in order. */
  public static List<QuantumCircuit> load(byte[] qpy) {
    return QpyFile.read(qpy);
  }

  /** The QPY format version of a payload (its 7th byte), after checking the preface. */
  public static int version(byte[] qpy) {
    return QpyFile.version(qpy);
  }

  /** A QPY payload of {@code circuits} in format {@code version} (13 to 17). */
  public static byte[] dump(List<QuantumCircuit> circuits, int version) {
    return QpyFile.write(circuits, version);
  }

  public static byte[] dump(QuantumCircuit circuit) {
    return dump(List.of(circuit), DEFAULT_VERSION);
  }

  /**
   * A {@code Parameter} from QPY's PARAMETER struct (name size, uuid, name), as qiskit_ibm_runtime
   * encodes one alone.
   */
  public static Parameter readParameter(byte[] struct) {
    return QpyFile.readParameter(struct);
  }

  public static byte[] writeParameter(Parameter parameter) {
    return QpyFile.writeParameter(parameter);
  }
}
