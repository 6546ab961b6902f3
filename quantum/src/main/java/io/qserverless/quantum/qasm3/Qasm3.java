package io.qserverless.quantum.qasm3;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.qasm2.QasmParseException;
import io.qserverless.quantum.qasm3.internal.Qasm3Reader;
import io.qserverless.quantum.qasm2.internal.QasmWriter;
import io.qserverless.quantum.qasm2.internal.TextFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * OpenQASM 3 import and export of the subset circuits use, as Qiskit's {@code qiskit.qasm3}.
 *
 * <pre>{@code
 * QuantumCircuit qc = Qasm3.loads("""
 *     OPENQASM 3.0;
 *     include "stdgates.inc";
 *     input float[64] theta;
 *     qubit[2] q;
 *     bit[2] c;
 *     ry(theta) q[0];
 *     ctrl @ x q[0], q[1];
 *     c = measure q;
 *     """);
 * qc.parameters(); // [theta]
 * }</pre>
 *
 * <p>Reading accepts {@code qubit}/{@code bit} declarations (and the legacy {@code qreg}/{@code
 * creg}), {@code stdgates.inc}, {@code gate} definitions, {@code input float[64]} (or {@code
 * angle}) parameters, which become circuit {@link io.qserverless.quantum.circuit.Parameter}s, the
 * modifiers {@code ctrl @}, {@code negctrl @}, {@code inv @} and integer {@code pow(k) @}, {@code
 * gphase}, {@code U}, measurement as {@code c = measure q;} or {@code measure q -> c;}, {@code
 * reset}, {@code barrier} and {@code if (c == n) { ... }}. Classical variables, loops, subroutines
 * and timing are not read: such programs fail with a {@link QasmParseException} naming the spot.
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
