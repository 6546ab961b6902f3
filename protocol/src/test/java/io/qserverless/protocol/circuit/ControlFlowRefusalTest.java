package io.qserverless.protocol.circuit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.protocol.qpy.Qpy;
import io.qserverless.protocol.qpy.QpyException;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.qasm3.Qasm3;
import org.junit.jupiter.api.Test;

/**
 * A while loop on measured bits, a run-time variable and a measurement without a bit (OpenQASM 3)
 * have no form in QPY as this writer speaks it, nor in circuit JSON: both writers refuse them by
 * name rather than drop the loop's body or invent a bit.
 */
class ControlFlowRefusalTest {

  private static QuantumCircuit read(String body) {
    return Qasm3.loads("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit q;\nbit c;\n" + body);
  }

  @Test
  void a_while_loop_is_refused_by_qpy_and_circuit_json() {
    QuantumCircuit loop = read("while (c == 0) { h q; c = measure q; }\n");
    assertThatThrownBy(() -> Qpy.dump(loop))
        .isInstanceOf(QpyException.class)
        .hasMessage(
            "cannot write a 'while_loop' as QPY (this writer has no control-flow blocks); keep"
                + " the circuit in OpenQASM 3");
    assertThatThrownBy(() -> CircuitJson.toJson(loop))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("circuit JSON cannot hold a 'while_loop'; send the circuit as OpenQASM 3 text");
  }

  @Test
  void a_run_time_variable_is_refused_by_qpy_and_circuit_json() {
    // k changes from pass to pass: a variable of the circuit, written by a 'store' (the first
    // instruction: k starts at 1) and read by an 'if_else' after the loop
    QuantumCircuit counted =
        read(
            "int[4] k = 1;\nwhile (c == 0) { h q; c = measure q; k += 1; }\nif (k == 2) { x q; }\n");
    assertThatThrownBy(() -> Qpy.dump(counted))
        .isInstanceOf(QpyException.class)
        .hasMessage(
            "cannot write a 'store' as QPY (this writer has no control-flow blocks); keep the"
                + " circuit in OpenQASM 3");
    assertThatThrownBy(() -> CircuitJson.toJson(counted))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("circuit JSON cannot hold a 'store'; send the circuit as OpenQASM 3 text");
  }

  @Test
  void a_discarded_measurement_is_refused_by_qpy_and_circuit_json() {
    QuantumCircuit discard = read("h q;\nmeasure q;\n");
    assertThatThrownBy(() -> Qpy.dump(discard))
        .isInstanceOf(QpyException.class)
        .hasMessage(
            "cannot write a measurement whose result is discarded as QPY: Qiskit's Measure needs"
                + " a clbit; measure into a bit");
    assertThatThrownBy(() -> CircuitJson.toJson(discard))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "circuit JSON cannot hold a measurement whose result is discarded; measure into a bit");
  }
}
