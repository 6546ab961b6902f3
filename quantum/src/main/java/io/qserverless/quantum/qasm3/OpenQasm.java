package io.qserverless.quantum.qasm3;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.qasm2.Qasm2;
import io.qserverless.quantum.qasm2.QasmParseException;
import io.qserverless.quantum.qasm2.internal.Lexer;
import io.qserverless.quantum.qasm2.internal.TextFiles;
import io.qserverless.quantum.qasm2.internal.Token;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OpenQASM of either version: the one the {@code OPENQASM} line declares, or, since OpenQASM
 * 3 makes that line optional, version 3 when the program uses OpenQASM 3 syntax and version 2
 * otherwise.
 *
 * <pre>{@code
 * OpenQasm.Version v = OpenQasm.detect("qubit q; h q;");
 * v.number();      // 3
 * v.description(); // "read as OpenQASM 3: no OPENQASM line, and it uses 'qubit' at line 1; ..."
 * }</pre>
 *
 * <p>For callers that take a program from a user without asking which version it is: the CLI's
 * {@code sample} and {@code transpile}, and circuit arguments sent as OpenQASM text. A parse error
 * of a program without a version line says which version was assumed and how to choose.
 */
public final class OpenQasm {

  private static final Pattern HEADER =
      Pattern.compile("\\A(?:\\s|//[^\\n]*|/\\*.*?\\*/)*OPENQASM\\s+(\\d+)", Pattern.DOTALL);

  /** Words that are keywords in OpenQASM 3 and not in 2, where a statement could use them. */
  private static final Set<String> VERSION_3_WORDS =
      Set.of(
          "qubit",
          "bit",
          "int",
          "uint",
          "float",
          "angle",
          "bool",
          "const",
          "input",
          "output",
          "def",
          "for",
          "while",
          "switch",
          "box",
          "duration",
          "stretch",
          "extern",
          "defcal",
          "cal",
          "let",
          "else",
          "return",
          "break",
          "continue",
          "array",
          "gphase",
          "defcalgrammar",
          "durationof",
          "π",
          "τ",
          "ℇ");

  private OpenQasm() {}

  /**
   * The version a program is read as.
   *
   * @param declared whether the program's {@code OPENQASM} line says it (else it was inferred)
   * @param description one sentence for users: which version, and why
   */
  public record Version(int number, boolean declared, String description) {}

  /** Which version {@code text} is read as, and why. */
  public static Version detect(String text) {
    Matcher header = HEADER.matcher(text);
    if (header.lookingAt()) {
      int number = Integer.parseInt(header.group(1));
      return new Version(
          number, true, "read as OpenQASM " + number + ", as its OPENQASM line declares");
    }
    Token marker = version3Marker(text);
    String choose = "; add 'OPENQASM 2.0;' or 'OPENQASM 3.0;' as the first line to choose";
    if (marker == null) {
      return new Version(
          2, false, "read as OpenQASM 2: no OPENQASM line and no OpenQASM 3 syntax" + choose);
    }
    return new Version(
        3,
        false,
        "read as OpenQASM 3: no OPENQASM line, and it uses "
            + marker.describe()
            + " at line "
            + marker.line()
            + choose);
  }

  /** True when {@code text} is read as OpenQASM 3 (declared, or inferred from its syntax). */
  public static boolean isVersion3(String text) {
    return detect(text).number() == 3;
  }

  /** The circuit of OpenQASM 2 or 3 text. */
  public static QuantumCircuit loads(String text) {
    Version version = detect(text);
    try {
      return version.number() == 3 ? Qasm3.loads(text) : Qasm2.loads(text);
    } catch (QasmParseException e) {
      throw withVersion(e, version);
    }
  }

  /** The circuit of an OpenQASM 2 or 3 file; parse errors name the file. */
  public static QuantumCircuit load(Path file) throws IOException {
    Version version = detect(TextFiles.read(file));
    try {
      return version.number() == 3 ? Qasm3.load(file) : Qasm2.load(file);
    } catch (QasmParseException e) {
      throw withVersion(e, version);
    }
  }

  /** The first token only OpenQASM 3 gives a meaning: a keyword, '=', '@', stdgates.inc, $n. */
  private static Token version3Marker(String text) {
    List<Token> tokens;
    try {
      tokens = Lexer.tokenize(text, "<string>");
    } catch (QasmParseException e) {
      // Look only before the character the lexer stopped at (pulse code, say).
      int offset = 0;
      for (int line = 1; line < e.line(); line++) {
        offset = text.indexOf('\n', offset) + 1;
      }
      tokens = Lexer.tokenize(text.substring(0, offset + e.column() - 1), "<string>");
    }
    for (Token t : tokens) {
      boolean marker =
          switch (t.kind()) {
            case IDENTIFIER -> VERSION_3_WORDS.contains(t.text()) || t.text().startsWith("$");
            case SYMBOL ->
                !List.of(
                        "->", "==", ";", ",", "(", ")", "[", "]", "{", "}", "+", "-", "*", "/", "^")
                    .contains(t.text());
            case STRING -> t.text().equals("stdgates.inc");
            default -> false;
          };
      if (marker) {
        return t;
      }
    }
    return null;
  }

  /** A parse error of a program without a version line also says which version was assumed. */
  private static QasmParseException withVersion(QasmParseException e, Version version) {
    if (version.declared()) {
      return e;
    }
    String prefix = e.source() + ":" + e.line() + ":" + e.column() + ": ";
    String problem = e.getMessage().substring(prefix.length());
    return new QasmParseException(
        e.source(), e.line(), e.column(), problem + " (" + version.description() + ")");
  }
}
