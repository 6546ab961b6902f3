package io.qserverless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SampleCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int qs(String... args) {
    CommandLine cmd = Qs.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  private String program(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file.toString();
  }

  private static final String BELL2 =
      "OPENQASM 2.0;\n"
          + "include \"qelib1.inc\";\n"
          + "qreg q[2];\n"
          + "creg c[2];\n"
          + "h q[0];\n"
          + "cx q[0], q[1];\n"
          + "measure q -> c;\n";

  @Test
  void an_openqasm_2_bell_program_prints_its_exact_distribution() throws Exception {
    assertThat(qs("sample", program("bell.qasm", BELL2))).isZero();
    assertThat(out.toString()).isEqualTo("{\"0\": 0.5, \"3\": 0.5}\n");
  }

  @Test
  void an_openqasm_3_teleportation_prints_the_teleported_state_on_the_out_bit() throws Exception {
    // c0, c1 are uniform; out (bit 2) reads 1 with probability sin^2(pi/6) = 1/4 whatever they are.
    String teleport =
        "// teleport\n"
            + "OPENQASM 3.0;\n"
            + "include \"stdgates.inc\";\n"
            + "qubit[3] q;\n"
            + "bit c0;\n"
            + "bit c1;\n"
            + "bit out;\n"
            + "ry(pi/3) q[0];\n"
            + "h q[1];\n"
            + "cx q[1], q[2];\n"
            + "cx q[0], q[1];\n"
            + "h q[0];\n"
            + "c0 = measure q[0];\n"
            + "c1 = measure q[1];\n"
            + "if (c1 == 1) { x q[2]; }\n"
            + "if (c0 == 1) { z q[2]; }\n"
            + "out = measure q[2];\n";
    assertThat(qs("sample", program("teleport.qasm", teleport))).isZero();
    assertThat(out.toString())
        .isEqualTo(
            "{\"0\": 0.1875, \"1\": 0.1875, \"2\": 0.1875, \"3\": 0.1875, \"4\": 0.0625, \"5\":"
                + " 0.0625, \"6\": 0.0625, \"7\": 0.0625}\n");
  }

  @Test
  void a_program_without_a_version_line_is_read_as_openqasm_3_and_the_cli_says_so()
      throws Exception {
    // No OPENQASM line (optional in version 3): h then measure gives 0 and 1 with 1/2 each.
    String program = "include \"stdgates.inc\";\nqubit q;\nbit c;\nh q;\nc = measure q;\n";
    String file = program("noheader.qasm", program);
    assertThat(qs("sample", file)).isZero();
    assertThat(out.toString()).isEqualTo("{\"0\": 0.5, \"1\": 0.5}\n");
    assertThat(err.toString())
        .isEqualTo(
            "qs sample: "
                + file
                + " read as OpenQASM 3: no OPENQASM line, and it uses string \"stdgates.inc\" at"
                + " line 1; add 'OPENQASM 2.0;' or 'OPENQASM 3.0;' as the first line to choose\n");
  }

  @Test
  void an_openqasm_3_program_with_classical_control_on_a_measurement_prints_its_exact_distribution()
      throws Exception {
    // c[0] is 1 with 1/2 and then x sets c[1]: key 3 (1/2); else h makes c[1] uniform: keys 0, 2
    // with 1/4 each. The loop and the subroutine are unrolled while reading.
    String program =
        "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nbit[2] c;\n"
            + "def prepare(qubit a) { for int i in [1:2] { h a; } h a; }\n"
            + "prepare(q[0]);\nc[0] = measure q[0];\n"
            + "if (c[0] == 1) { x q[1]; } else { h q[1]; }\nc[1] = measure q[1];\n";
    assertThat(qs("sample", program("dynamic.qasm", program))).isZero();
    assertThat(out.toString()).isEqualTo("{\"0\": 0.25, \"2\": 0.25, \"3\": 0.5}\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void an_angle_outside_its_domain_fails_with_the_spot_instead_of_printing_nothing()
      throws Exception {
    String file =
        program(
            "nan.qasm",
            "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\ncreg c[1];\n"
                + "rx(sqrt(-2)) q[0];\nmeasure q -> c;\n");
    assertThat(qs("sample", file)).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .isEqualTo(
            "qs sample: cannot read the program: "
                + file
                + ":5:4: sqrt(-2) (sqrt needs an argument of 0 or more) gives NaN, not a finite"
                + " real number; a gate argument must be one, so change the expression\n");
  }

  @Test
  void a_200000_deep_expression_fails_with_a_parse_error_not_a_stack_trace() throws Exception {
    String file =
        program(
            "deep.qasm",
            "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\nrx("
                + "(".repeat(200_000)
                + "1"
                + ")".repeat(200_000)
                + ") q[0];\n");
    assertThat(qs("sample", file)).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("qs sample: cannot read the program: " + file + ":4:260: the expression is")
        .doesNotContain("Exception", "\tat ");
  }

  @Test
  void shots_print_counts_that_add_up_and_repeat_with_the_same_seed() throws Exception {
    String bell = program("bell.qasm", BELL2);
    assertThat(qs("sample", bell, "--shots", "1000", "--seed", "42")).isZero();
    String first = out.toString();
    assertThat(first).matches("\\{\"0\": \\d+, \"3\": \\d+}\n");
    String[] counts = first.replaceAll("[^0-9 ]", "").trim().split("\\s+");
    assertThat(Integer.parseInt(counts[1]) + Integer.parseInt(counts[3])).isEqualTo(1000);
    out.getBuffer().setLength(0);
    qs("sample", bell, "--shots", "1000", "--seed", "42");
    assertThat(out.toString()).isEqualTo(first);
  }

  @Test
  void a_missing_file_fails_with_a_message_and_exit_code_1() {
    assertThat(qs("sample", dir.resolve("nope.qasm").toString())).isEqualTo(1);
    assertThat(err.toString()).startsWith("qs sample: no such file ").contains("nope.qasm");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void a_parse_error_fails_with_line_and_column() throws Exception {
    String file =
        program("bad.qasm", "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\nh q[0]\n");
    assertThat(qs("sample", file)).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "qs sample: cannot read the program: "
                + file
                + ":5:1: expected ';' but found end of input\n");
  }

  @Test
  void input_parameters_take_their_values_from_param_options() throws Exception {
    // rx(theta)|0> measures 1 with probability sin^2(theta/2): 1/4 for theta = pi/3.
    String file =
        program(
            "rx.qasm",
            "OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float[64] theta;\nqubit q;\nbit c;\n"
                + "rx(theta) q;\nc = measure q;\n");
    assertThat(qs("sample", file, "--param", "theta=" + Math.PI / 3)).isZero();
    assertThat(out.toString()).isEqualTo("{\"0\": 0.75, \"1\": 0.25}\n");
    assertThat(qs("sample", file)).isEqualTo(1);
    assertThat(err.toString())
        .contains("input parameter 'theta' without a value; give one with --param theta=0.5");
  }

  @Test
  void an_opaque_gate_cannot_be_simulated_and_says_so_in_one_line() throws Exception {
    String file =
        program(
            "opaque.qasm",
            "OPENQASM 2.0;\n"
                + "opaque magic a;\n"
                + "qreg q[1];\n"
                + "creg c[1];\n"
                + "magic q[0];\n"
                + "measure q -> c;\n");
    assertThat(qs("sample", file)).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("qs sample: cannot simulate " + file + ": gate 'magic' is opaque")
        .doesNotContain("\tat ");
  }
}
