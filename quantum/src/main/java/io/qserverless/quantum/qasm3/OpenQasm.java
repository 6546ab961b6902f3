package io.qserverless.quantum.qasm3;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.qasm2.Qasm2;
import io.qserverless.quantum.qasm2.internal.TextFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads OpenQASM of either version, picked from the program's {@code OPENQASM} header.
 *
 * <p>For callers that take a program from a user without asking which version it is: the CLI's
 * {@code sample} and {@code transpile}, and circuit arguments sent as OpenQASM text.
 */
public final class OpenQasm {
  /** The header, after any blank lines and comments, declares version 3. */
  private static final Pattern VERSION_3 =
      Pattern.compile("\\A(?:\\s|//[^\\n]*|/\\*.*?\\*/)*OPENQASM\\s+3", Pattern.DOTALL);

  private OpenQasm() {}

  /** True when {@code text} declares OpenQASM 3; anything else is read as version 2. */
  public static boolean isVersion3(String text) {
    return VERSION_3.matcher(text).lookingAt();
  }

  /** The circuit of OpenQASM 2 or 3 text. */
  public static QuantumCircuit loads(String text) {
    return isVersion3(text) ? Qasm3.loads(text) : Qasm2.loads(text);
  }

  /** The circuit of an OpenQASM 2 or 3 file; parse errors name the file. */
  public static QuantumCircuit load(Path file) throws IOException {
    return isVersion3(TextFiles.read(file)) ? Qasm3.load(file) : Qasm2.load(file);
  }
}
