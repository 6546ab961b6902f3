package io.qserverless.quantum.qasm2;

import static io.qserverless.quantum.qasm2.QasmPrograms.probabilities;
import static io.qserverless.quantum.qasm2.QasmPrograms.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.ClassicalRegister;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.QuantumRegister;
import io.qserverless.quantum.circuit.StandardGate;
import io.qserverless.quantum.primitives.QuasiDistribution;
import io.qserverless.quantum.primitives.Sampler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Qasm2Test {

  private static List<String> names(QuantumCircuit qc) {
    return qc.data().stream().map(in -> in.operation().name()).toList();
  }

  private static String header(String body) {
    return "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n" + body;
  }

  @Test
  void bell_program_reads_as_h_cx_and_two_measurements_giving_the_bell_state() {
    //      ┌───┐
    // q_0: ┤ H ├──■── M
    //      └───┘┌─┴─┐
    // q_1: ─────┤ X ├ M
    QuantumCircuit qc = Qasm2.loads(resource("qasm2/bell.qasm"));
    assertThat(qc.numQubits()).isEqualTo(2);
    assertThat(qc.numClbits()).isEqualTo(2);
    assertThat(names(qc)).containsExactly("h", "cx", "measure", "measure");
    assertThat(qc.data().get(3).qubits()).containsExactly(1);
    assertThat(qc.data().get(3).clbits()).containsExactly(1);
    double[] p = probabilities(qc);
    assertThat(p[0]).isCloseTo(0.5, within(1e-12));
    assertThat(p[3]).isCloseTo(0.5, within(1e-12));
    assertThat(p[1] + p[2]).isCloseTo(0, within(1e-12));
  }

  @Test
  void bell_program_sampled_gives_half_00_and_half_11() {
    QuasiDistribution dist =
        new Sampler()
            .run(Qasm2.loads(resource("qasm2/bell.qasm")))
            .result()
            .quasiDists()
            .getFirst();
    assertThat(dist).containsOnlyKeys(0, 3);
    assertThat(dist.get(0)).isCloseTo(0.5, within(1e-12));
    assertThat(dist.get(3)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void teleportation_sampled_delivers_the_state_whatever_the_corrections() {
    // c0, c1 uniform; out = 1 with probability sin^2(pi/6) = 1/4 in each branch: key c0 + 2 c1 + 4
    // out.
    QuasiDistribution dist =
        new Sampler()
            .run(Qasm2.loads(resource("qasm2/teleport.qasm")))
            .result()
            .quasiDists()
            .getFirst();
    for (int k = 0; k < 4; k++) {
      assertThat(dist.get(k)).as("key %d", k).isCloseTo(0.1875, within(1e-12));
      assertThat(dist.get(k + 4)).as("key %d", k + 4).isCloseTo(0.0625, within(1e-12));
    }
  }

  @Test
  void bell_circuit_is_written_as_qiskit_writes_it() {
    QuantumCircuit qc = new QuantumCircuit(2, 2);
    qc.h(0).cx(0, 1).measure(0, 0).measure(1, 1);
    assertThat(Qasm2.dumps(qc))
        .isEqualTo(
            header(
                "qreg q[2];\n"
                    + "creg c[2];\n"
                    + "h q[0];\n"
                    + "cx q[0],q[1];\n"
                    + "measure q[0] -> c[0];\n"
                    + "measure q[1] -> c[1];\n"));
  }

  @Test
  void teleportation_reads_its_classical_corrections_as_conditions_on_whole_registers() {
    QuantumCircuit qc = Qasm2.loads(resource("qasm2/teleport.qasm"));
    List<CircuitInstruction> conditioned =
        qc.data().stream().filter(in -> in.condition() != null).toList();
    assertThat(conditioned).extracting(in -> in.operation().name()).containsExactly("x", "z");
    assertThat(conditioned.get(0).condition().register().name()).isEqualTo("c1");
    assertThat(conditioned.get(0).condition().value()).isEqualTo(1);
    assertThat(conditioned.get(0).qubits()).containsExactly(2);
    assertThat(Qasm2.dumps(qc)).contains("if(c1==1) x q[2];\nif(c0==1) z q[2];\n");
  }

  @Test
  void whole_registers_broadcast_over_their_qubits() {
    QuantumCircuit qc =
        Qasm2.loads(
            header(
                "qreg a[3];\n"
                    + "qreg b[3];\n"
                    + "qreg k[1];\n"
                    + "creg c[3];\n"
                    + "h a;\n"
                    + "cx a, b;\n"
                    + "cx k[0], b;\n"
                    + "measure b -> c;\n"
                    + "reset a;\n"));
    assertThat(names(qc))
        .containsExactly(
            "h", "h", "h", "cx", "cx", "cx", "cx", "cx", "cx", "measure", "measure", "measure",
            "reset", "reset", "reset");
    assertThat(qc.data().get(4).qubits()).containsExactly(1, 4);
    assertThat(qc.data().get(7).qubits()).containsExactly(6, 4);
    assertThat(qc.data().get(11).qubits()).containsExactly(5);
    assertThat(qc.data().get(11).clbits()).containsExactly(2);
  }

  @Test
  void broadcasting_registers_of_different_sizes_is_an_error_at_the_second_register() {
    assertThatThrownBy(() -> Qasm2.loads(header("qreg a[2];\nqreg b[3];\ncx a, b;\n")))
        .isInstanceOf(QasmParseException.class)
        .hasMessage(
            "<string>:5:7: register 'b' has 3 bits but 'a' has 2; broadcast needs registers of one"
                + " size");
  }

  @Test
  void arguments_are_evaluated_with_pi_functions_and_power() {
    QuantumCircuit qc =
        Qasm2.loads(header("qreg q[1];\nu3(-pi/2 + 2^3, sqrt(2)*cos(pi), ln(exp(0.25))) q[0];\n"));
    Gate u3 = (Gate) qc.data().getFirst().operation();
    assertThat(u3.standardGate()).isEqualTo(StandardGate.U3);
    assertThat(u3.paramValues()[0]).isCloseTo(8 - Math.PI / 2, within(1e-15));
    assertThat(u3.paramValues()[1]).isCloseTo(-Math.sqrt(2), within(1e-15));
    assertThat(u3.paramValues()[2]).isCloseTo(0.25, within(1e-15));
  }

  @Test
  void qiskit_extra_gates_read_as_standard_gates() {
    QuantumCircuit qc =
        Qasm2.loads(
            header(
                "qreg q[5];\n"
                    + "sx q[0]; sxdg q[0]; p(0.1) q[0]; u(1,2,3) q[0]; cp(0.2) q[0],q[1]; csx"
                    + " q[0],q[1]; cu(1,2,3,4) q[0],q[1]; rxx(0.3) q[0],q[1]; rzz(0.4) q[0],q[1];"
                    + " rccx q[0],q[1],q[2]; rc3x q[0],q[1],q[2],q[3]; c3x q[0],q[1],q[2],q[3];"
                    + " c3sqrtx q[0],q[1],q[2],q[3]; c4x q[0],q[1],q[2],q[3],q[4];\n"));
    assertThat(qc.data())
        .extracting(in -> ((Gate) in.operation()).standardGate())
        .containsExactly(
            StandardGate.SX,
            StandardGate.SXDG,
            StandardGate.P,
            StandardGate.U,
            StandardGate.CP,
            StandardGate.CSX,
            StandardGate.CU,
            StandardGate.RXX,
            StandardGate.RZZ,
            StandardGate.RCCX,
            StandardGate.RC3X,
            StandardGate.MCX,
            StandardGate.C3SX,
            StandardGate.MCX);
    assertThat(Qasm2.dumps(qc))
        .contains("c3x q[0],q[1],q[2],q[3];", "c3sqrtx q[0]", "rc3x q[0]", "c4x q[0]");
  }

  @Test
  void a_user_gate_keeps_its_definition_and_acts_as_its_body() {
    // cphase(pi) is a controlled-Z: H on q[1] around it turns it into CNOT, flipping q[1] when q[0]
    // is 1.
    QuantumCircuit qc =
        Qasm2.loads(
            resource("qasm2/qft3.qasm").replaceAll("(?s)qreg q\\[3\\];.*", "")
                + "qreg q[2];\nx q[0];\nh q[1];\ncphase(pi) q[0], q[1];\nh q[1];\n");
    Gate cphase = (Gate) qc.data().get(2).operation();
    assertThat(cphase.customDefinition().name()).isEqualTo("cphase");
    assertThat(cphase.customDefinition().params())
        .extracting(p -> p.name())
        .containsExactly("lambda");
    assertThat(probabilities(qc)[3]).isCloseTo(1, within(1e-12));
  }

  @Test
  void the_qft_program_maps_basis_state_5_to_the_fourier_state() {
    // QFT|x> = (1/sqrt 8) sum_k e^(2 pi i x k / 8) |k>, here with x = 5 (x on q[0] and q[2]), up to
    // global phase.
    io.qserverless.quantum.math.ComplexMatrix u =
        QasmPrograms.unitary(Qasm2.loads(resource("qasm2/qft3.qasm")));
    double phase0 = Math.atan2(u.im(0, 0), u.re(0, 0));
    for (int k = 0; k < 8; k++) {
      double angle = 2 * Math.PI * 5 * k / 8 + phase0;
      assertThat(u.re(k, 0))
          .as("re %d", k)
          .isCloseTo(Math.cos(angle) / Math.sqrt(8), within(1e-12));
      assertThat(u.im(k, 0))
          .as("im %d", k)
          .isCloseTo(Math.sin(angle) / Math.sqrt(8), within(1e-12));
    }
  }

  @Test
  void opaque_gates_are_read_and_written_but_refuse_to_be_expanded() {
    QuantumCircuit qc =
        Qasm2.loads(header("opaque magic(a) x, y;\nqreg q[2];\nmagic(0.5) q[0], q[1];\n"));
    Gate magic = (Gate) qc.data().getFirst().operation();
    assertThat(magic.customDefinition().isOpaque()).isTrue();
    assertThat(Qasm2.dumps(qc)).contains("opaque magic(a) q0,q1;\n", "magic(0.5) q[0],q[1];\n");
    assertThatThrownBy(magic::matrix)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("opaque");
  }

  @Test
  void the_feature_sample_reads_writes_and_reads_back_to_the_same_text() {
    QuantumCircuit qc = Qasm2.loads(resource("qasm2/features.qasm"));
    assertThat(qc.numQubits()).isEqualTo(4);
    assertThat(qc.cregs()).extracting(ClassicalRegister::name).containsExactly("m", "n");
    String once = Qasm2.dumps(qc);
    assertThat(Qasm2.dumps(Qasm2.loads(once))).isEqualTo(once);
    assertThat(once)
        .contains(
            "gate rot(theta,phi) q0 { rz(phi) q0; rx(-theta^2+1) q0; barrier q0; }",
            "gate pair q0,q1 { cx q0,q1; rot(0.5,0.1) q1; }",
            "if(m==2) measure b[0] -> n[0];",
            "if(m==3) reset b[1];");
  }

  @Test
  void gates_outside_qelib1_are_written_with_a_definition_block() {
    QuantumCircuit qc = new QuantumCircuit(2);
    qc.append(StandardGate.RYY.gate(0.5), 0, 1);
    qc.append(StandardGate.ISWAP.gate(), 1, 0);
    String text = Qasm2.dumps(qc);
    assertThat(text)
        .contains(
            "gate ryy(param0) q0,q1 {",
            "gate iswap q0,q1 {",
            "ryy(0.5) q[0],q[1];",
            "iswap q[1],q[0];");
    QuantumCircuit back = Qasm2.loads(text);
    for (int i = 0; i < 2; i++) {
      Gate original = (Gate) qc.data().get(i).operation();
      Gate read = (Gate) back.data().get(i).operation();
      assertThat(read.matrix().equivalentUpToPhase(original.matrix(), 1e-12))
          .as(original.name())
          .isTrue();
    }
  }

  @Test
  void a_user_gate_named_like_a_qelib1_gate_is_renamed_so_it_is_not_mistaken_for_it() {
    QuantumCircuit body = new QuantumCircuit(1);
    body.x(0);
    QuantumCircuit qc = new QuantumCircuit(1);
    qc.append(new io.qserverless.quantum.circuit.GateDefinition("h", List.of(), body).gate(), 0);
    String text = Qasm2.dumps(qc);
    assertThat(text).contains("gate h_1 q0 { x q0; }", "h_1 q[0];");
    assertThat(probabilities(Qasm2.loads(text))[1]).isCloseTo(1, within(1e-12));
  }

  @Test
  void unbound_parameters_cannot_be_written_in_openqasm_2() {
    QuantumCircuit qc = new QuantumCircuit(1);
    qc.rx(new io.qserverless.quantum.circuit.Parameter("theta"), 0);
    assertThatThrownBy(() -> Qasm2.dumps(qc))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unbound parameters [theta]");
  }

  @Test
  void multiple_registers_keep_their_names_and_order() {
    QuantumCircuit qc =
        new QuantumCircuit(
            new QuantumRegister(2, "a"),
            new ClassicalRegister(1, "m"),
            new QuantumRegister(1, "b"));
    qc.cx(0, 2).measure(2, 0);
    String text = Qasm2.dumps(qc);
    assertThat(text)
        .contains("qreg a[2];\ncreg m[1];\nqreg b[1];\ncx a[0],b[0];\nmeasure b[0] -> m[0];\n");
    assertThat(Qasm2.loads(text).data()).isEqualTo(qc.data());
  }

  @Test
  void files_load_with_includes_beside_them_and_dump_atomically(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("mine.inc"), "gate flip a { x a; }\n");
    Path program = dir.resolve("prog.qasm");
    Files.writeString(program, header("include \"mine.inc\";\nqreg q[1];\nflip q[0];\n"));
    QuantumCircuit qc = Qasm2.load(program);
    assertThat(names(qc)).containsExactly("flip");
    Path out = dir.resolve("out.qasm");
    Qasm2.dump(qc, out);
    assertThat(Files.readString(out)).isEqualTo(Qasm2.dumps(qc));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("mine.inc", "out.qasm", "prog.qasm");
    }
  }

  @Test
  void a_missing_include_file_is_a_parse_error_at_the_include() {
    assertThatThrownBy(() -> Qasm2.loads(header("include \"nowhere.inc\";\n")))
        .isInstanceOf(QasmParseException.class)
        .hasMessageStartingWith("<string>:3:1: cannot read include file 'nowhere.inc'");
  }

  @Test
  void random_circuits_of_qelib1_gates_read_back_to_the_same_instructions() {
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 20; round++) {
      QuantumCircuit qc = QasmPrograms.randomCircuit(random, 2);
      assertThat(Qasm2.loads(Qasm2.dumps(qc)).data()).as(Qasm2.dumps(qc)).isEqualTo(qc.data());
    }
  }
}
