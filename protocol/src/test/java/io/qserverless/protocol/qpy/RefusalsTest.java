package io.qserverless.protocol.qpy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.protocol.qpy.internal.QpyOutput;
import io.qserverless.quantum.circuit.GateDefinition;
import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.StandardGate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What the reader refuses: features the Java model has no exact equivalent for, versions outside
 * 13–17, and malformed bytes (every truncation and random corruption of a valid payload), always as
 * a {@link QpyException} with a message, never a partly read circuit or another exception.
 */
class RefusalsTest {
  /**
   * A QPY file of one 2-qubit, 1-clbit circuit "t" holding one instruction, laid out as Qiskit's
   * writer does.
   */
  private static byte[] oneInstruction(
      int version,
      String className,
      int numQargs,
      int numCargs,
      int numCtrl,
      int ctrlState,
      int numVars) {
    QpyOutput out =
        new QpyOutput()
            .bytes("QISKIT".getBytes())
            .u8(version)
            .u8(2)
            .u8(3)
            .u8(0)
            .i64(1)
            .u8('p')
            .u8('q');
    if (version >= 16) {
      out.i64(28);
    }
    out.u16(1).u8('f').u16(8).i32(2).i32(1).i64(2).i32(2).i64(1).i32(numVars);
    out.bytes("t".getBytes()).f64(0).bytes("{}".getBytes());
    out.u8('q').bool(true).i32(2).u16(1).bool(true).bytes("q".getBytes()).i64(0).i64(1);
    out.u8('c').bool(true).i32(1).u16(1).bool(true).bytes("c".getBytes()).i64(0);
    if (version >= 15) {
      out.i32(0);
    }
    out.i64(0);
    byte[] name = className.getBytes();
    out.u16(name.length)
        .u16(0)
        .u16(0)
        .i32(numQargs)
        .i32(numCargs)
        .u8(0)
        .u16(0)
        .i64(0)
        .i32(numCtrl)
        .i32(ctrlState);
    out.bytes(name);
    for (int i = 0; i < numQargs; i++) {
      out.u8('q').i32(i);
    }
    for (int i = 0; i < numCargs; i++) {
      out.u8('c').i32(i);
    }
    out.u16(0).u8(0).i32(-1).i32(-1).i32(-1).i32(0).i32(0);
    return out.toByteArray();
  }

  @Test
  void the_test_payload_builder_makes_readable_qpy() {
    QuantumCircuit qc = Qpy.load(oneInstruction(15, "CXGate", 2, 0, 1, 1, 0)).get(0);
    assertThat(qc.data()).hasSize(1);
    assertThat(qc.data().get(0).operation()).isEqualTo(StandardGate.CX.gate());
  }

  @Test
  void control_flow_and_unknown_instructions_are_refused_by_name_and_version() {
    assertThatThrownBy(() -> Qpy.load(oneInstruction(14, "IfElseOp", 1, 1, 0, 0, 0)))
        .isInstanceOf(QpyException.class)
        .hasMessageStartingWith(
            "QPY feature control flow (IfElseOp) (version 14) is not supported");
    assertThatThrownBy(() -> Qpy.load(oneInstruction(17, "UnitaryGate", 2, 0, 0, 0, 0)))
        .hasMessageStartingWith(
            "QPY feature the instruction UnitaryGate (version 17) is not supported");
    assertThatThrownBy(() -> Qpy.load(oneInstruction(16, "ForLoopOp", 1, 0, 0, 0, 0)))
        .hasMessageContaining("control flow (ForLoopOp)");
  }

  @Test
  void an_open_controlled_standard_gate_is_refused_rather_than_read_as_closed() {
    assertThatThrownBy(() -> Qpy.load(oneInstruction(15, "CXGate", 2, 0, 1, 0, 0)))
        .isInstanceOf(QpyException.class)
        .hasMessageContaining("open or extra controls on CXGate (1 controls, state 0)");
  }

  @Test
  void classical_variables_are_refused() {
    assertThatThrownBy(() -> Qpy.load(oneInstruction(14, "HGate", 1, 0, 0, 0, 1)))
        .hasMessageContaining("QPY feature classical variables");
  }

  @Test
  void versions_outside_13_to_17_and_non_qpy_bytes_are_refused_with_the_range() {
    assertThatThrownBy(() -> Qpy.load(oneInstruction(12, "HGate", 1, 0, 0, 0, 0)))
        .hasMessageContaining(
            "QPY version 12 is not supported: this gateway reads versions 13 to 17");
    assertThatThrownBy(() -> Qpy.load(oneInstruction(18, "HGate", 1, 0, 0, 0, 0)))
        .hasMessageContaining("QPY version 18 is not supported");
    assertThatThrownBy(() -> Qpy.load("OPENQASM 2.0;".getBytes()))
        .hasMessageContaining("does not start with QISKIT");
  }

  @Test
  void writing_refuses_what_qiskit_would_read_differently() {
    QuantumCircuit ns = new QuantumCircuit(1).delay(20, 0, "ns");
    assertThatThrownBy(() -> Qpy.dump(ns))
        .isInstanceOf(QpyException.class)
        .hasMessageContaining("express it in dt");
    assertThatThrownBy(() -> Qpy.dump(List.of(new QuantumCircuit(1)), 12))
        .hasMessageContaining("use 13 to 17");
  }

  private static byte[] richPayload() {
    Parameter t = new Parameter("t");
    QuantumCircuit body = new QuantumCircuit(2).h(0);
    body.append(StandardGate.CRZ.gate(t), 0, 1);
    QuantumCircuit qc = new QuantumCircuit(3, 2).setMetadata(java.util.Map.of("k", List.of(1L)));
    qc.append(
        new GateDefinition("g", List.of(t), body)
            .gate(t.mul(2).apply(io.qserverless.quantum.circuit.ParameterExpression.Function.SIN)),
        0,
        1);
    qc.append(StandardGate.U.gate(t, t.add(1), t.pow(t)), 2);
    qc.measure(0, 1).x(1).cIf(0, 1);
    qc.setGlobalPhase(t.div(3));
    return Qpy.dump(List.of(qc), 17);
  }

  @Test
  void every_truncation_of_a_valid_payload_is_refused_as_qpy_data_ending_early() {
    byte[] full = richPayload();
    assertThat(Qpy.load(full)).hasSize(1);
    for (int n = 0; n < full.length; n++) {
      byte[] prefix = java.util.Arrays.copyOf(full, n);
      assertThatThrownBy(() -> Qpy.load(prefix))
          .as("prefix of %d bytes", n)
          .isInstanceOf(QpyException.class);
    }
  }

  @Test
  void random_corruptions_decode_or_fail_as_qpy_exceptions_only() {
    byte[] full = richPayload();
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 3000; i++) {
      byte[] bad = full.clone();
      for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
        bad[rnd.nextInt(bad.length)] = (byte) rnd.nextInt(256);
      }
      try {
        Qpy.load(bad);
      } catch (QpyException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }

  @Test
  void a_count_larger_than_the_data_is_refused_before_allocating() {
    byte[] bytes = oneInstruction(14, "HGate", 1, 0, 0, 0, 0);
    bytes[45] =
        0x7f; // first byte of num_instructions: 20 bytes of file header, 25 of circuit header
    // before it
    assertThatThrownBy(() -> Qpy.load(bytes)).hasMessageContaining("declares");
  }
}
