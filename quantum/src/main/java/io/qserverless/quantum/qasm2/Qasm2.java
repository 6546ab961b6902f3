package io.qserverless.quantum.qasm2;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.qasm2.internal.QasmReader;
import io.qserverless.quantum.qasm2.internal.QasmWriter;
import io.qserverless.quantum.qasm2.internal.TextFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * OpenQASM 2 import and export, as Qiskit's {@code qiskit.qasm2}.
 *
 * <pre>{@code
 * QuantumCircuit bell = Qasm2.loads("""
 *     OPENQASM 2.0;
 *     include "qelib1.inc";
 *     qreg q[2]; creg c[2];
 *     h q[0]; cx q[0], q[1];
 *     measure q -> c;
 *     """);
 * String text = Qasm2.dumps(bell);
 * }</pre>
 *
 * <p>Reading accepts {@code qelib1.inc} plus the gates Qiskit adds to it (sx, sxdg, p, u, cp, csx,
 * cu, rxx, rzz, rccx, rc3x, c3x, c3sqrtx, c4x, ...), user {@code gate} and {@code opaque}
 * declarations, several registers, broadcasting over whole registers, {@code measure}, {@code
 * reset}, {@code barrier} and {@code if (creg == n)}. Errors are {@link QasmParseException}s with
 * line, column, expected and found. Writing gives the text Qiskit's exporter would: include-file
 * gates by name, other gates after a {@code gate} block.
 */
public final class Qasm2 {

  private Qasm2() {}

  /**
   * The circuit of OpenQASM 2 text; include files other than qelib1.inc resolve against the working
   * directory.
   */
  public static QuantumCircuit loads(String text) {
    return QasmReader.read(text, "<string>", Path.of(""));
  }

  /** The circuit of an OpenQASM 2 file; its include files resolve against the file's directory. */
  public static QuantumCircuit load(Path file) throws IOException {
    return QasmReader.read(TextFiles.read(file), file.toString(), TextFiles.directory(file));
  }

  /**
   * The OpenQASM 2 text of {@code circuit}; IllegalArgumentException if it holds what version 2
   * cannot say (unbound parameters, delays, a condition on one bit of a larger register).
   */
  public static String dumps(QuantumCircuit circuit) {
    return QasmWriter.write(circuit, 2);
  }

  /** Writes {@link #dumps} to {@code file} atomically: a reader never sees half a program. */
  public static void dump(QuantumCircuit circuit, Path file) throws IOException {
    TextFiles.writeAtomically(file, dumps(circuit));
  }
}
