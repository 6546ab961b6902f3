package io.qserverless.quantum.qasm2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.quantum.circuit.Barrier;
import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.simulator.StatevectorSimulator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cases where this reader disagreed with Qiskit's OpenQASM 2 parser (issue 12): programs it
 * accepted with a silently wrong meaning, crashed on, or refused although the reference reads them.
 * Each test holds the program text; each refusal quotes the whole message.
 */
class Qasm2ConformanceTest {

  private static final String HEADER = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n";

  private static void refused(String program, String message) {
    assertThatThrownBy(() -> Qasm2.loads(program))
        .isInstanceOf(QasmParseException.class)
        .hasMessage(message);
  }

  @Test
  void angles_outside_their_function_domain_are_refused_at_the_operator() {
    String q = HEADER + "qreg q[1];\ncreg c[1];\n";
    refused(
        q + "rx(2.0/0.0) q[0];\nmeasure q -> c;",
        "<string>:5:7: division by zero gives Infinity, not a finite real number; a gate argument"
            + " must be one, so change the expression");
    refused(
        q + "rx(ln(0)) q[0];",
        "<string>:5:4: ln(0) (ln needs an argument above 0) gives -Infinity, not a finite real"
            + " number; a gate argument must be one, so change the expression");
    refused(
        q + "rx(ln(-pi)) q[0];",
        "<string>:5:4: ln(-3.141592653589793) (ln needs an argument above 0) gives NaN, not a"
            + " finite real number; a gate argument must be one, so change the expression");
    refused(
        q + "rx(sqrt(-2)) q[0];",
        "<string>:5:4: sqrt(-2) (sqrt needs an argument of 0 or more) gives NaN, not a finite"
            + " real number; a gate argument must be one, so change the expression");
    refused(
        q + "rx(1e999) q[0];",
        "<string>:5:4: the number gives Infinity, not a finite real number; a gate argument must"
            + " be one, so change the expression");
  }

  @Test
  void a_user_gate_whose_bound_body_leaves_the_domain_is_refused_at_the_call() {
    refused(
        HEADER + "qreg q[1];\ngate g(a) x { rz(ln(a)) x; }\ng(0) q[0];",
        "<string>:5:1: gate 'g' called with [0] gives its 'rz' the angle -Infinity, not a finite"
            + " real number; call it with other arguments");
    // In range, the same gate reads: ln(1) = 0.
    assertThat(Qasm2.loads(HEADER + "qreg q[1];\ngate g(a) x { rz(ln(a)) x; }\ng(1) q[0];").size())
        .isEqualTo(1);
  }

  @Test
  void redefining_a_builtin_or_a_qelib1_gate_is_refused() {
    refused(
        HEADER + "gate h a { x a; }",
        "<string>:3:1: gate 'h' is already defined by the included qelib1.inc; choose another"
            + " name");
    refused(
        "OPENQASM 2.0;\ngate CX a, b { }",
        "<string>:2:1: gate 'CX' is already defined as a built-in gate; choose another name");
    refused(
        "OPENQASM 2.0;\ngate U(a, b, c) q { }",
        "<string>:2:1: gate 'U' is already defined as a built-in gate; choose another name");
  }

  @Test
  void restating_a_gate_qiskit_adds_to_qelib1_keeps_the_standard_gate() {
    // Qiskit's legacy custom instructions (sx, rzz, ...) ignore a compatible declaration.
    QuantumCircuit qc =
        Qasm2.loads(
            HEADER
                + "gate rzz(t) a, b { cx a, b; u1(t) b; cx a, b; }\nqreg q[2];\nrzz(0.5) q[0], q[1];");
    assertThat(qc.data().getFirst().operation().name()).isEqualTo("rzz");
  }

  @Test
  void a_gate_and_a_register_cannot_share_a_name() {
    refused(
        HEADER + "qreg g[1];\ngate g a { x a; }",
        "<string>:4:1: 'g' is already the name of a register; give the gate another name");
    refused(
        HEADER + "qreg g[1];\nopaque g a;",
        "<string>:4:1: 'g' is already the name of a register; give the gate another name");
    refused(
        HEADER + "gate g a { x a; }\ncreg g[1];",
        "<string>:4:1: 'g' is already the name of a gate; give the register another name");
  }

  @Test
  void a_gate_parameter_and_qubit_cannot_share_a_name() {
    refused(
        HEADER + "gate g(a) a { rx(a) a; }",
        "<string>:3:1: gate 'g' names 'a' both a parameter and a qubit; give each its own name");
    refused(
        HEADER + "opaque g(a) a;",
        "<string>:3:1: gate 'g' names 'a' both a parameter and a qubit; give each its own name");
  }

  @Test
  void measuring_a_one_qubit_register_into_one_bit_needs_an_index() {
    refused(
        HEADER + "qreg q[1];\ncreg c[2];\nmeasure q -> c[0];",
        "<string>:5:1: measure needs a qubit and a bit, or two whole registers, but got q and"
            + " c[0]; index both or neither");
  }

  @Test
  void a_200000_deep_expression_is_refused_with_a_parse_error_not_a_stack_overflow() {
    String nested = "(".repeat(200_000) + "1" + ")".repeat(200_000);
    refused(
        HEADER + "qreg q[1];\nrx(" + nested + ") q[0];",
        "<string>:4:260: the expression is more than 256 levels deep; simplify it or split it"
            + " over several gates");
    String chain = "1" + "+1".repeat(200_000);
    assertThatThrownBy(() -> Qasm2.loads(HEADER + "qreg q[1];\nrx(" + chain + ") q[0];"))
        .isInstanceOf(QasmParseException.class)
        .hasMessageContaining("more than 256 levels deep");
    String negations = "-".repeat(200_000) + "1";
    assertThatThrownBy(() -> Qasm2.loads(HEADER + "qreg q[1];\nrx(" + negations + ") q[0];"))
        .isInstanceOf(QasmParseException.class)
        .hasMessageContaining("more than 256 levels deep");
  }

  @Test
  void an_expression_at_the_depth_limit_still_reads_and_simulates() {
    // pi/2 plus 254 zeros: depth 256, and rx(pi/2)|0> gives 0 and 1 with 1/2 each.
    String chain = "pi/2" + "+0".repeat(254);
    QuantumCircuit qc =
        Qasm2.loads(HEADER + "qreg q[1];\ncreg c[1];\nrx(" + chain + ") q[0];\nmeasure q -> c;");
    Map<Integer, Double> dist = StatevectorSimulator.exactDistribution(qc);
    assertThat(dist.get(0)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(dist.get(1)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void a_bare_barrier_covers_every_qubit() {
    QuantumCircuit qc = Qasm2.loads(HEADER + "qreg q[2];\nqreg r[1];\nbarrier;");
    CircuitInstruction barrier = qc.data().getFirst();
    assertThat(barrier.operation()).isInstanceOf(Barrier.class);
    assertThat(barrier.qubits()).containsExactly(0, 1, 2);
  }

  @Test
  void trailing_commas_empty_statements_and_a_semicolon_after_a_gate_body_are_accepted() {
    QuantumCircuit lenient =
        Qasm2.loads(
            HEADER
                + ";\nqreg q[2];;\ngate g(a, b,) x, y, { rx(a,) x; cx x, y,; };\n"
                + "g(0.25, 0.5,) q[0], q[1],;\nbarrier q[0], q[1],;");
    QuantumCircuit strict =
        Qasm2.loads(
            HEADER
                + "qreg q[2];\ngate g(a, b) x, y { rx(a) x; cx x, y; }\n"
                + "g(0.25, 0.5) q[0], q[1];\nbarrier q[0], q[1];");
    assertThat(Qasm2.dumps(lenient)).isEqualTo(Qasm2.dumps(strict));
  }
}
