package io.qserverless.quantum.qasm2;

import static io.qserverless.quantum.qasm2.QasmPrograms.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.qserverless.quantum.qasm2.internal.Lexer;
import io.qserverless.quantum.qasm2.internal.Token;
import io.qserverless.quantum.qasm3.Qasm3;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Generated negative cases, as Qiskit's test_parse_errors: every prefix of valid programs and, for
 * every token, a dozen substitutions drawn from a fixed list must either read or fail with a {@link
 * QasmParseException}, never with another exception; hand-checked cases pin the line, column and
 * message.
 */
class ParseErrorsTest {

  private static final List<String> VERSION2 =
      List.of("qasm2/bell.qasm", "qasm2/teleport.qasm", "qasm2/qft3.qasm", "qasm2/features.qasm");
  private static final List<String> VERSION3 =
      List.of(
          "qasm3/bell.qasm",
          "qasm3/teleport.qasm",
          "qasm3/features.qasm",
          "qasm3/language.qasm",
          "qasm3/dynamic.qasm");

  /** Tokens swapped in for each token of a program: symbols, keywords, names, numbers. */
  private static final List<String> SUBSTITUTES =
      List.of(
          ";",
          ",",
          "(",
          ")",
          "[",
          "]",
          "{",
          "}",
          "->",
          "==",
          "=",
          "@",
          "+",
          "-",
          "*",
          "/",
          "^",
          "**",
          "qreg",
          "creg",
          "qubit",
          "bit",
          "gate",
          "opaque",
          "measure",
          "reset",
          "barrier",
          "if",
          "include",
          "OPENQASM",
          "input",
          "ctrl",
          "inv",
          "pow",
          "gphase",
          "U",
          "CX",
          "q",
          "c",
          "h",
          "cx",
          "pi",
          "sin",
          "0",
          "7",
          "99999999999",
          "1.5",
          "\"x.inc\"",
          "for",
          "while",
          "def",
          "return",
          "switch",
          "case",
          "break",
          "int",
          "&&",
          "<",
          "$0",
          "measure",
          "let",
          "\"01\"",
          "");

  private static void readsOrFailsCleanly(String program, Function<String, ?> reader, String what) {
    try {
      reader.apply(program);
    } catch (QasmParseException e) {
      assertThat(e.line()).as(what).isPositive();
      assertThat(e.column()).as(what).isPositive();
    } catch (RuntimeException e) {
      fail(what + " threw " + e + " instead of a QasmParseException for:\n" + program, e);
    }
  }

  private static void checkPrefixes(String program, Function<String, ?> reader) {
    for (int end = 0; end < program.length(); end++) {
      readsOrFailsCleanly(program.substring(0, end), reader, "prefix of " + end + " characters");
    }
  }

  /** Substitutes tried per token, drawn by a seeded generator so every run tries the same cases. */
  private static final int PER_TOKEN = 12;

  private static void checkSubstitutions(String program, Function<String, ?> reader) {
    List<Token> tokens = Lexer.tokenize(program, "<string>");
    String[] lines = program.split("\n", -1);
    Random random = new Random(program.length());
    for (Token t : tokens.subList(0, tokens.size() - 1)) {
      for (int s = 0; s < PER_TOKEN; s++) {
        String substitute = SUBSTITUTES.get(random.nextInt(SUBSTITUTES.size()));
        String line = lines[t.line() - 1];
        int start = t.column() - 1;
        int end = start + t.text().length() + (t.kind() == Token.Kind.STRING ? 2 : 0);
        String[] changed = lines.clone();
        changed[t.line() - 1] = line.substring(0, start) + substitute + line.substring(end);
        readsOrFailsCleanly(
            String.join("\n", changed),
            reader,
            "'" + t.text() + "' at " + t.line() + ":" + t.column() + " -> '" + substitute + "'");
      }
    }
  }

  @Test
  void every_prefix_of_the_openqasm_2_samples_reads_or_fails_with_a_parse_error() {
    VERSION2.forEach(p -> checkPrefixes(resource(p), Qasm2::loads));
  }

  @Test
  void every_prefix_of_the_openqasm_3_samples_reads_or_fails_with_a_parse_error() {
    VERSION3.forEach(p -> checkPrefixes(resource(p), Qasm3::loads));
  }

  @Test
  void token_substitutions_in_the_openqasm_2_samples_read_or_fail_with_a_parse_error() {
    VERSION2.forEach(p -> checkSubstitutions(resource(p), Qasm2::loads));
  }

  @Test
  void token_substitutions_in_the_openqasm_3_samples_read_or_fail_with_a_parse_error() {
    VERSION3.forEach(p -> checkSubstitutions(resource(p), Qasm3::loads));
  }

  @Test
  void a_prefix_cut_inside_a_statement_is_an_error_at_the_end_of_input() {
    String bell = resource("qasm2/bell.qasm");
    String cut = bell.substring(0, bell.indexOf("cx q[0],q[1]") + "cx q[0],".length());
    assertThatThrownBy(() -> Qasm2.loads(cut))
        .hasMessage(
            "<string>:6:9: expected a qubit or bit (register or register[index]) but found end of"
                + " input");
  }

  private static void error(String body, String message) {
    assertThatThrownBy(
            () ->
                Qasm2.loads(
                    "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\n" + body))
        .isInstanceOf(QasmParseException.class)
        .hasMessage(message);
  }

  @Test
  void hand_checked_errors_give_line_column_and_what_was_expected() {
    error("h q[0]\ncx q[0], q[1];", "<string>:6:1: expected ';' but found 'cx'");
    error("hh q[0];", "<string>:5:1: unknown gate 'hh'; declare it with a 'gate' block before use");
    error("h q[2];", "<string>:5:3: q[2] is out of range: register 'q' has 2 bits (indices 0..1)");
    error("rx q[0];", "<string>:5:1: gate 'rx' takes 1 parameter but was given 0");
    error("cx q[0];", "<string>:5:1: gate 'cx' takes 2 qubits but was given 1");
    error(
        "cx q[1], q[1];",
        "<string>:5:10: qubit q[1] is used twice in one operation; give each operand a different"
            + " qubit");
    error("h r[0];", "<string>:5:3: unknown quantum register 'r'; declare it first");
    error(
        "measure q[0] -> q[1];",
        "<string>:5:17: 'q' is a quantum register where a classical one is expected");
    error(
        "measure q[0] -> c;",
        "<string>:5:1: measure needs a qubit and a bit, or two whole registers, but got q[0] and c;"
            + " index both or neither");
    error("qreg q[1];", "<string>:5:1: register 'q' is already declared; choose another name");
    error(
        "if (c == 4) x q[0];",
        "<string>:5:5: cannot compare c (2 bits) with 4; use a value from 0 to 3");
    error(
        "rx(theta) q[0];",
        "<string>:5:4: unknown parameter 'theta'; only a gate body may use parameter names");
    error(
        "gate g(a) x { rz(b) x; }",
        "<string>:5:18: unknown parameter 'b' in gate 'g'; its parameters are [a]");
    error("gate g x { h y; }", "<string>:5:14: unknown qubit 'y' in gate 'g'; its qubits are [x]");
    error(
        "gate g x { h x; }\ngate g x { x x; }",
        "<string>:6:1: gate 'g' is already defined at line 5; choose another name");
    error(
        "rx(1 +) q[0];",
        "<string>:5:7: expected a number, a name, a function or '(' but found ')'");
    error(
        "h q[0]; # comment",
        "<string>:5:9: unexpected character '#'; remove it or put it in a comment");
    error(
        "qreg r[99999999999];",
        "<string>:5:8: a register size 99999999999 is too large; the limit is 2147483647");
  }

  @Test
  void a_qelib1_gate_without_the_include_names_the_missing_include() {
    assertThatThrownBy(() -> Qasm2.loads("OPENQASM 2.0;\nqreg q[1];\nh q[0];"))
        .hasMessage(
            "<string>:3:1: unknown gate 'h'; add 'include \"qelib1.inc\";' after the header");
  }

  @Test
  void openqasm_3_text_given_to_the_version_2_reader_points_to_qasm3() {
    assertThatThrownBy(() -> Qasm2.loads("OPENQASM 3.0;\nqubit q;"))
        .hasMessage(
            "<string>:1:10: this reader reads OpenQASM 2.0 but the program declares version 3.0;"
                + " use Qasm3 for it");
  }
}
