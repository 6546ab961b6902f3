package io.qserverless.quantum.qasm3;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.qasm2.QasmParseException;
import io.qserverless.quantum.qasm2.internal.QasmWriter;
import io.qserverless.quantum.qasm2.internal.TextFiles;
import io.qserverless.quantum.qasm3.internal.Qasm3Reader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * OpenQASM 3 import and export, as Qiskit's {@code qiskit.qasm3}.
 *
 * <pre>{@code
 * QuantumCircuit qc = Qasm3.loads("""
 *     OPENQASM 3.0;
 *     include "stdgates.inc";
 *     input float[64] theta;
 *     qubit[2] q;
 *     bit[2] c;
 *     ry(theta) q[0];
 *     c[0] = measure q[0];
 *     if (c[0]) { x q[1]; } else { h q[1]; }
 *     c[1] = measure q[1];
 *     """);
 * qc.parameters(); // [theta]
 * }</pre>
 *
 * <p>Reading runs the classical part of the program (types, expressions, {@code const}, {@code
 * for}, {@code while}, {@code def}, {@code switch}, arrays) and unrolls it; a branch on measured
 * bits becomes conditions on those bits, which the simulator follows exactly. Timing is accepted
 * and ignored; {@code extern}, {@code defcal}, {@code cal} and pulse code are refused with a {@link
 * QasmParseException} naming the feature and line. docs/qasm.md has the full table. Writing gives
 * text this reader reads back to the same circuit.
 */
public final class Qasm3 {

  private Qasm3() {}

  /** The circuit of OpenQASM 3 text; other include files resolve against the working directory. */
  public static QuantumCircuit loads(String text) {
    return Qasm3Reader.read(text, "<string>", Path.of(""));
  }

  /** The circuit of an OpenQASM 3 file; its include files resolve against the file's directory. */
  public static QuantumCircuit load(Path file) throws IOException {
    return Qasm3Reader.read(TextFiles.read(file), file.toString(), TextFiles.directory(file));
  }

  /**
   * The OpenQASM 3 text of {@code circuit}: unbound parameters become {@code input float[64]}
   * declarations. IllegalArgumentException for opaque gates, which version 3 cannot declare.
   */
  public static String dumps(QuantumCircuit circuit) {
    return QasmWriter.write(circuit, 3);
  }

  /** Writes {@link #dumps} to {@code file} atomically: a reader never sees half a program. */
  public static void dump(QuantumCircuit circuit, Path file) throws IOException {
    TextFiles.writeAtomically(file, dumps(circuit));
  }
}
