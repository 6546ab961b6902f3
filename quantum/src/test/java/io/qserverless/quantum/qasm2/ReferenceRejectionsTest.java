package io.qserverless.quantum.qasm2;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Programs the reference OpenQASM 2 parser must refuse, taken as data from Qiskit's
 * test/python/qasm2/test_parse_errors.py (Qiskit/qiskit @0816bfb, Apache 2.0): scoping, typing,
 * gate definitions, bit resolution and broadcasting. Each must fail here too, with a parse error
 * (line and column), never be read with some meaning.
 */
class ReferenceRejectionsTest {

  private static final String QELIB = "include \"qelib1.inc\";\n";

  private static final List<String> PROGRAMS =
      List.of(
          // TestVersion
          "OPENQASM 3.0;",
          "OPENQASM 2.1;",
          "OPENQASM 20.e-1;",
          "qreg q[0]; OPENQASM 2.0;",
          // TestScoping
          "CX after[0], after[1]; qreg after[2];",
          "qreg q[2]; measure q[0] -> c[0]; creg c[2];",
          "qreg reg[2]; qreg reg[2];",
          "creg reg[2]; qreg reg[2];",
          "gate reg a {} qreg reg[2];",
          "opaque reg a; creg reg[2];",
          "OPENQASM 2.0; qreg q[2]; cx q[0], q[1];",
          "qreg q[2]; cx q[0], q[1]; gate cx a, b { CX a, b; }",
          "gate cx a, b { cx a, b; }",
          "gate cx a, b { CX a, b; } gate other c { CX a, b; }",
          "gate first(a, b) q { U(a, 0, b) q; } gate second q { U(a, 0, b) q; }",
          "qreg q[2]; gate my_gate a { CX a, q; }",
          "gate my_gate(a) q {} qreg qr[2]; U(a, 0, 0) qr;",
          "gate my_gate(a) q {} U(0, 0, 0) q;",
          QELIB + "gate h q { }",
          "gate h q { } gate h q { }",
          "qreg q[1]; if (c == 0) U(0, 0, 0) q[0];",
          // TestTyping
          "qreg q[2]; creg c[2]; CX q[0], U;",
          "qreg q[2]; creg c[2]; measure U -> c[0];",
          "qreg q[2]; creg c[2]; measure q[0] -> U;",
          "qreg q[2]; creg c[2]; reset U;",
          "qreg q[2]; creg c[2]; barrier U;",
          "qreg q[2]; creg c[2]; if (U == 0) CX q[0], q[1];",
          "qreg q[2]; creg c[2]; gate my_gate a { U(0, 0, 0) U; }",
          "qreg q[2]; creg c[2]; measure q[0] -> q[1];",
          "qreg q[2]; creg c[2]; if (q == 0) CX q[0], q[1];",
          "qreg q[2]; creg c[2]; q q[0], q[1];",
          "qreg q[2]; creg c[2]; CX q[0], c[1];",
          "qreg q[2]; creg c[2]; measure c[0] -> c[1];",
          "qreg q[2]; creg c[2]; reset c[0];",
          "qreg q[2]; creg c[2]; barrier c[0];",
          "qreg q[2]; creg c[2]; c q[0], q[1];",
          "gate my_gate(p) q { CX p, q; }",
          "gate my_gate(p) q { U(q, q, q) q; }",
          QELIB + "qreg q[5]; h ;",
          QELIB + "qreg q[5]; h q[0], q[1];",
          QELIB + "qreg q[5]; CX q[0];",
          QELIB + "qreg q[5]; ccx q[0], q[1], q[2], q[3];",
          QELIB + "qreg q[5]; U(0, 0) q[0];",
          QELIB + "qreg q[5]; rx q[0];",
          QELIB + "qreg q[5]; u3(0) q[0];",
          // TestGateDefinition
          "gate zero {}",
          "gate zero(a) {}",
          "opaque zero;",
          "gate my_gate a { CX a[0], a[1]; }",
          "gate my_gate(a, a) q {}",
          "gate my_gate a, a {}",
          "gate my_gate(a) a {}",
          "OPENQASM 2.0; creg c[5]; gate my_gate q { measure q -> c; }",
          "OPENQASM 2.0; creg c[5]; gate my_gate q { reset q }",
          "OPENQASM 2.0; creg c[5]; gate my_gate q { if (c == 0) U(0, 0, 0) q; }",
          "OPENQASM 2.0; creg c[5]; gate my_gate q { gate my_x q {} }",
          "gate U(a, b, c) q {}",
          "gate CX a, b {}",
          // TestBitResolution
          "qreg q[2]; U(0, 0, 0) q[2];",
          "qreg q[2]; creg c[2]; measure q[2] -> c[0];",
          "qreg q[2]; creg c[2]; measure q[0] -> c[2];",
          QELIB + "qreg q1[3]; CX q1[0], q1[0];",
          QELIB + "qreg q1[3]; CX q1, q1[0];",
          QELIB + "qreg q1[3]; CX q1, q1;",
          QELIB + "qreg q1[3]; qreg q2[3]; ccx q2, q1, q2[0];",
          QELIB + "qreg q1[3]; creg cond[1]; if (cond == 0) CX q1[0], q1;",
          QELIB + "qreg q1[1]; qreg q2[2]; CX q1, q2;",
          QELIB + "qreg q1[2]; qreg q2[3]; qreg q3[3]; ccx q1, q2[0], q3;",
          "qreg q[2]; creg c[2]; measure q[0] -> c;",
          "qreg q[2]; creg c[2]; measure q -> c[0];",
          "qreg q[1]; creg c[2]; measure q -> c[0];",
          "qreg q[2]; creg c[1]; measure q[0] -> c;",
          "qreg q[2]; creg c[3]; measure q -> c;",
          "qreg q[2]; creg c[3]; creg cond[1]; if (cond == 0) measure q -> c;");

  @Test
  void every_program_the_reference_parser_refuses_is_refused_with_a_parse_error() {
    for (String program : PROGRAMS) {
      assertThatThrownBy(() -> Qasm2.loads(program))
          .as(program)
          .isInstanceOf(QasmParseException.class);
    }
  }
}
