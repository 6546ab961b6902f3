package io.qserverless.quantum.qasm3;

import static io.qserverless.quantum.qasm2.QasmPrograms.probabilities;
import static io.qserverless.quantum.qasm2.QasmPrograms.resource;
import static io.qserverless.quantum.qasm2.QasmPrograms.unitary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.ClassicalRegister;
import io.qserverless.quantum.circuit.Delay;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.StandardGate;
import io.qserverless.quantum.qasm2.QasmParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Qasm3Test {

  private static final String HEADER = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n";

  private static List<String> names(QuantumCircuit qc) {
    return qc.data().stream().map(in -> in.operation().name()).toList();
  }

  private static StandardGate standard(CircuitInstruction in) {
    return ((Gate) in.operation()).standardGate();
  }

  @Test
  void bell_program_measures_by_assignment_and_prepares_the_bell_state() {
    QuantumCircuit qc = Qasm3.loads(resource("qasm3/bell.qasm"));
    assertThat(names(qc)).containsExactly("h", "cx", "measure", "measure");
    assertThat(qc.data().get(3).clbits()).containsExactly(1);
    double[] p = probabilities(qc);
    assertThat(p[0]).isCloseTo(0.5, within(1e-12));
    assertThat(p[3]).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void bell_circuit_is_written_as_qiskit_writes_it() {
    QuantumCircuit qc = new QuantumCircuit(2, 2);
    qc.h(0).cx(0, 1).measure(0, 0).measure(1, 1);
    assertThat(Qasm3.dumps(qc))
        .isEqualTo(
            HEADER
                + "qubit[2] q;\n"
                + "bit[2] c;\n"
                + "h q[0];\n"
                + "cx q[0], q[1];\n"
                + "c[0] = measure q[0];\n"
                + "c[1] = measure q[1];\n");
  }

  @Test
  void teleportation_reads_block_ifs_on_registers_and_on_single_bits() {
    QuantumCircuit qc = Qasm3.loads(resource("qasm3/teleport.qasm"));
    List<CircuitInstruction> conditioned =
        qc.data().stream().filter(in -> in.condition() != null).toList();
    assertThat(conditioned).extracting(in -> in.operation().name()).containsExactly("x", "z");
    assertThat(conditioned.get(0).condition().register().name()).isEqualTo("c1");
    assertThat(conditioned.get(1).condition().register()).isNull();
    assertThat(conditioned.get(1).condition().clbits()).containsExactly(0);
    String text = Qasm3.dumps(qc);
    assertThat(text)
        .contains("if (c1 == 1) {\n  x q[2];\n}\n", "if (c0[0] == 1) {\n  z q[2];\n}\n");
    assertThat(Qasm3.loads(text).data()).isEqualTo(qc.data());
  }

  @Test
  void inputs_become_circuit_parameters_and_are_written_back_as_inputs() {
    QuantumCircuit qc =
        Qasm3.loads(HEADER + "input float[64] theta;\nqubit q;\nrx(2 * theta) q;\n");
    assertThat(qc.parameters()).extracting(Parameter::name).containsExactly("theta");
    String text = Qasm3.dumps(qc);
    assertThat(text).contains("input float[64] theta;\n", "rx(2*theta) q[0];\n");
    QuantumCircuit bound = Qasm3.loads(text).assignParameters(List.of(Math.PI / 2));
    assertThat(probabilities(bound)[1]).isCloseTo(1, within(1e-12));
  }

  @Test
  void ctrl_modifiers_on_standard_gates_give_their_controlled_standard_gates() {
    QuantumCircuit qc =
        Qasm3.loads(
            HEADER
                + "qubit[4] q;\n"
                + "ctrl @ x q[0], q[1];\n"
                + "ctrl(2) @ x q[0], q[1], q[2];\n"
                + "ctrl @ ctrl @ ctrl @ x q[0], q[1], q[2], q[3];\n"
                + "ctrl @ rz(0.5) q[0], q[1];\n"
                + "ctrl @ p(0.5) q[0], q[1];\n"
                + "ctrl(3) @ p(0.5) q[0], q[1], q[2], q[3];\n"
                + "ctrl @ z q[0], q[1];\n"
                + "ctrl @ cx q[0], q[1], q[2];\n");
    assertThat(qc.data())
        .extracting(Qasm3Test::standard)
        .containsExactly(
            StandardGate.CX,
            StandardGate.CCX,
            StandardGate.MCX,
            StandardGate.CRZ,
            StandardGate.CP,
            StandardGate.MCP,
            StandardGate.CZ,
            StandardGate.CCX);
    assertThat(qc.data().get(2).operation().numQubits()).isEqualTo(4);
  }

  @Test
  void inv_and_pow_modifiers_invert_and_repeat() {
    QuantumCircuit qc =
        Qasm3.loads(
            HEADER
                + "qubit q;\n"
                + "inv @ s q;\n"
                + "pow(2) @ t q;\n"
                + "pow(-1) @ rz(0.25) q;\n"
                + "inv @ pow(2) @ sx q;\n");
    assertThat(names(qc)).containsExactly("sdg", "t", "t", "rz", "sxdg", "sxdg");
    assertThat(((Gate) qc.data().get(3).operation()).paramValues()[0]).isEqualTo(-0.25);
  }

  @Test
  void a_controlled_gate_without_a_controlled_standard_form_is_controlled_through_its_definition() {
    // ctrl @ rxx(pi) on control q0 set: acts as rxx(pi) = -i X⊗X on q1,q2: |100> -> |111> up to
    // phase.
    QuantumCircuit qc =
        Qasm3.loads(
            HEADER
                + "qubit[3] q;\n"
                + "x q[0];\n"
                + "gate rxx_(t) a, b { h a; h b; cx a, b; rz(t) b; cx a, b; h a; h b; }\n"
                + "ctrl @ rxx_(pi) q[0], q[1], q[2];\n");
    Gate controlled = (Gate) qc.data().get(1).operation();
    assertThat(controlled.customDefinition().name()).isEqualTo("c_rxx_");
    assertThat(probabilities(qc)[0b111]).isCloseTo(1, within(1e-12));
    QuantumCircuit off = Qasm3.loads(HEADER + "qubit[2] q;\nctrl @ U(pi, 0, pi) q[0], q[1];\n");
    assertThat(probabilities(off)[0]).isCloseTo(1, within(1e-12));
  }

  @Test
  void negctrl_fires_when_the_control_is_zero() {
    QuantumCircuit qc = Qasm3.loads(HEADER + "qubit[2] q;\nnegctrl @ x q[0], q[1];\n");
    assertThat(probabilities(qc)[0b10]).isCloseTo(1, within(1e-12));
  }

  @Test
  void gphase_adds_to_the_global_phase_and_controlled_gphase_is_a_phase_gate() {
    QuantumCircuit qc =
        Qasm3.loads(HEADER + "qubit[2] q;\ngphase(0.25);\nctrl @ gphase(0.5) q[1];\n");
    assertThat(qc.globalPhase().evaluate()).isEqualTo(0.25);
    assertThat(standard(qc.data().getFirst())).isEqualTo(StandardGate.P);
    assertThat(qc.data().getFirst().qubits()).containsExactly(1);
    assertThat(Qasm3.dumps(qc)).contains("gphase(0.25);\np(0.5) q[1];\n");
  }

  @Test
  void the_feature_sample_reads_writes_and_reads_back_to_the_same_text_and_unitary() {
    QuantumCircuit qc = Qasm3.loads(resource("qasm3/features.qasm"));
    assertThat(qc.parameters()).extracting(Parameter::name).containsExactly("phi", "theta");
    assertThat(qc.cregs()).extracting(ClassicalRegister::name).containsExactly("c", "d");
    String once = Qasm3.dumps(qc);
    QuantumCircuit back = Qasm3.loads(once);
    assertThat(Qasm3.dumps(back)).isEqualTo(once);
    Map<Parameter, Double> values =
        Map.of(qc.parameters().get(0), 0.3, qc.parameters().get(1), 1.1);
    Map<Parameter, Double> backValues =
        Map.of(back.parameters().get(0), 0.3, back.parameters().get(1), 1.1);
    QuantumCircuit unitaryPart = withoutTail(qc.assignParameters(values));
    QuantumCircuit backPart = withoutTail(back.assignParameters(backValues));
    assertThat(unitary(backPart).approxEquals(unitary(unitaryPart), 1e-12)).isTrue();
  }

  /** The circuit up to its first reset (the unitary part of the feature sample). */
  private static QuantumCircuit withoutTail(QuantumCircuit qc) {
    QuantumCircuit head = qc.copyEmpty();
    for (CircuitInstruction in : qc.data()) {
      if (in.operation().name().equals("reset")) {
        break;
      }
      head.append(in);
    }
    return head;
  }

  @Test
  void gates_missing_from_stdgates_are_written_with_definitions() {
    QuantumCircuit qc = new QuantumCircuit(3);
    qc.append(StandardGate.SXDG.gate(), 0);
    qc.append(StandardGate.RZZ.gate(0.5), 0, 1);
    qc.append(StandardGate.MCX.sized(3), 0, 1, 2);
    String text = Qasm3.dumps(qc);
    assertThat(text)
        .contains("gate sxdg q0 {", "gate rzz(param0) q0, q1 {", "gate mcx_3 q0, q1, q2 {");
    assertThat(unitary(Qasm3.loads(text)).approxEquals(unitary(qc), 1e-12)).isTrue();
  }

  @Test
  void opaque_gates_cannot_be_written_in_openqasm_3() {
    QuantumCircuit qc =
        io.qserverless.quantum.qasm2.Qasm2.loads(
            "OPENQASM 2.0;\nopaque m a;\nqreg q[1];\nm q[0];\n");
    assertThatThrownBy(() -> Qasm3.dumps(qc))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("opaque gate 'm'");
  }

  @Test
  void errors_name_the_spot_and_the_expected_form() {
    assertThatThrownBy(() -> Qasm3.loads(HEADER + "qubit[2] q;\nextern f(int) -> int;\n"))
        .isInstanceOf(QasmParseException.class)
        .hasMessage(
            "<string>:4:1: 'extern' declares a function that runs outside the program, which this"
                + " reader cannot call; compute the value in the program or pass it as an"
                + " 'input'");
    assertThatThrownBy(() -> Qasm3.loads(HEADER + "qubit q;\nsxdg q;\n"))
        .hasMessage(
            "<string>:4:1: unknown gate 'sxdg'; OpenQASM 3's stdgates.inc lacks it, so define it"
                + " with a 'gate' block");
    assertThatThrownBy(() -> Qasm3.loads(HEADER + "qubit[2] q;\nctrl @ h q[0];\n"))
        .hasMessage("<string>:4:1: gate 'h' takes 2 qubits but was given 1");
    assertThatThrownBy(() -> Qasm3.loads(HEADER + "qubit q;\npow(0.5) @ x q;\n"))
        .hasMessage(
            "<string>:4:1: pow(0.5) is not supported; use a whole power (from -64 to 64, or to"
                + " ±2^30 for a rotation such as p or rz)");
    assertThatThrownBy(() -> Qasm3.loads(HEADER + "qubit[2] αβ;\n"))
        .isInstanceOf(QasmParseException.class)
        .hasMessageStartingWith("<string>:3:1: quantum register name 'αβ' is not an identifier");
    assertThatThrownBy(() -> Qasm3.loads(HEADER + "input int n;\n"))
        .hasMessage(
            "<string>:3:7: only float and angle inputs become circuit parameters; declare 'n' as"
                + " 'const int n = value;' instead");
  }

  @Test
  void random_circuits_of_stdgates_read_back_to_the_same_instructions() {
    java.util.Random random = new java.util.Random(11);
    for (int round = 0; round < 20; round++) {
      QuantumCircuit qc = io.qserverless.quantum.qasm2.QasmPrograms.randomCircuit(random, 3);
      assertThat(Qasm3.loads(Qasm3.dumps(qc)).data()).as(Qasm3.dumps(qc)).isEqualTo(qc.data());
    }
  }

  @Test
  void a_parameterised_circuit_writes_and_reads_back_to_the_same_text_and_binds_alike() {
    Parameter theta = new Parameter("theta");
    Parameter phi = new Parameter("phi");
    QuantumCircuit qc = new QuantumCircuit(2);
    qc.rx(theta.mul(2).sub(phi.pow(ParameterExpression.of(2))), 0)
        .crz(phi.apply(ParameterExpression.Function.COS).neg(), 0, 1)
        .append(StandardGate.RYY.gate(theta.div(ParameterExpression.pi())), 1, 0);
    String text = Qasm3.dumps(qc);
    QuantumCircuit back = Qasm3.loads(text);
    assertThat(Qasm3.dumps(back)).isEqualTo(text);
    List<Double> values = List.of(0.4, -1.3); // phi, theta: parameters() sorts by name
    assertThat(
            unitary(back.assignParameters(values))
                .approxEquals(unitary(qc.assignParameters(values)), 1e-12))
        .isTrue();
  }

  @Test
  void delays_are_read_and_written_with_their_units() {
    QuantumCircuit qc =
        Qasm3.loads(HEADER + "qubit[2] q;\ndelay[100dt] q[0];\ndelay[2.5 * 2 us] q;\n");
    assertThat(qc.data())
        .extracting(in -> in.operation())
        .containsExactly(
            new Delay(ParameterExpression.of(100), "dt"),
            new Delay(ParameterExpression.of(5), "us"),
            new Delay(ParameterExpression.of(5), "us"));
    String text = Qasm3.dumps(qc);
    assertThat(text).contains("delay[100dt] q[0];\ndelay[5us] q[0];\ndelay[5us] q[1];\n");
    assertThat(Qasm3.loads(text).data()).isEqualTo(qc.data());
    assertThatThrownBy(() -> Qasm3.loads(HEADER + "qubit q;\ndelay[3 years] q;\n"))
        .hasMessage("<string>:4:1: delay unit 'years' is unknown: use one of dt, ns, us, ms, s");
  }
}
