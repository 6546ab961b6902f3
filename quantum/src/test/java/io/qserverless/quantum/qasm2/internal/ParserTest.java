package io.qserverless.quantum.qasm2.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.qasm2.QasmParseException;
import io.qserverless.quantum.qasm2.internal.Statement.GateCall;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParserTest {

  private static double value(String expression) {
    String program = "rz(" + expression + ") q;";
    GateCall call = (GateCall) Parser.parse(program, "<string>").getFirst();
    Map<String, Double> names = Map.of("a", 2.0, "b", 3.0);
    return call.arguments()
        .getFirst()
        .toParameter(n -> ParameterExpression.of(names.get(n.name())))
        .evaluate();
  }

  @Test
  void expressions_follow_the_usual_precedence_and_right_associative_power() {
    assertThat(value("1 + 2 * 3")).isEqualTo(7);
    assertThat(value("(1 + 2) * 3")).isEqualTo(9);
    assertThat(value("-2^2")).isEqualTo(-4);
    assertThat(value("2^3^2")).isEqualTo(512);
    assertThat(value("2^-1")).isEqualTo(0.5);
    assertThat(value("8 / 2 / 2")).isEqualTo(2);
    assertThat(value("a - b - 1")).isEqualTo(-2);
  }

  @Test
  void expressions_know_pi_and_the_openqasm_functions() {
    assertThat(value("pi/2")).isCloseTo(Math.PI / 2, within(1e-15));
    assertThat(value("sin(pi/6)")).isCloseTo(0.5, within(1e-15));
    assertThat(value("cos(0) + tan(0)")).isEqualTo(1);
    assertThat(value("exp(ln(3))")).isCloseTo(3, within(1e-15));
    assertThat(value("sqrt(16)")).isEqualTo(4);
    assertThat(value("1.5e2 + .5")).isEqualTo(150.5);
  }

  @Test
  void openqasm_2_has_no_double_star_power() {
    assertThatThrownBy(() -> value("2 ** 3"))
        .isInstanceOf(QasmParseException.class)
        .hasMessageContaining("expected ')' but found '**'");
  }

  @Test
  void errors_point_at_the_offending_token_with_expected_and_found() {
    String program = "OPENQASM 2.0;\nqreg q[2];\ncx q[0] q[1];\n";
    assertThatThrownBy(() -> Parser.parse(program, "bell.qasm"))
        .isInstanceOfSatisfying(
            QasmParseException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isEqualTo(9);
            })
        .hasMessage("bell.qasm:3:9: expected ';' but found 'q'");
  }

  @Test
  void a_truncated_program_reports_end_of_input() {
    assertThatThrownBy(() -> Parser.parse("qreg q[2", "<string>"))
        .hasMessage("<string>:1:9: expected ']' but found end of input");
  }

  @Test
  void the_header_must_declare_the_version_the_reader_reads() {
    assertThatThrownBy(() -> Parser.parse("OPENQASM 3.0;", "<string>"))
        .hasMessageContaining(
            "1:10: this reader reads OpenQASM 2.0 but the program declares version 3.0");
  }

  @Test
  void comments_and_unclosed_comments() {
    assertThat(Parser.parse("// one\nqreg q[1]; /* two\n lines */ h q;", "<string>")).hasSize(2);
    assertThatThrownBy(() -> Parser.parse("qreg q[1];\n  /* open", "<string>"))
        .hasMessage("<string>:2:3: comment opened here is never closed with '*/'");
  }
}
