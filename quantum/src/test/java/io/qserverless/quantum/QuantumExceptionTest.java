package io.qserverless.quantum;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.quantum.backends.BackendException;
import io.qserverless.quantum.backends.Backends;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.qasm2.Qasm2;
import io.qserverless.quantum.qasm2.QasmParseException;
import io.qserverless.quantum.simulator.SimulatorException;
import io.qserverless.quantum.simulator.StatevectorSimulator;
import io.qserverless.quantum.transpiler.Transpiler;
import io.qserverless.quantum.transpiler.TranspilerException;
import org.junit.jupiter.api.Test;

/** A user can catch every failure the toolkit reports about their input as one type. */
class QuantumExceptionTest {

  @Test
  void badProgramTextIsAQuantumException() {
    assertThatThrownBy(() -> Qasm2.loads("OPENQASM 2.0; qreg q[1]; nosuchgate q[0];"))
        .isInstanceOf(QasmParseException.class)
        .isInstanceOf(QuantumException.class)
        .hasMessageContaining("nosuchgate");
  }

  @Test
  void unknownBackendIsAQuantumException() {
    assertThatThrownBy(() -> Backends.get("fake_nowhere"))
        .isInstanceOf(BackendException.class)
        .isInstanceOf(QuantumException.class)
        .hasMessageContaining("fake_nowhere");
  }

  @Test
  void circuitWiderThanTheDeviceIsAQuantumException() {
    QuantumCircuit wide = new QuantumCircuit(6, 0);
    wide.h(5);
    assertThatThrownBy(() -> Transpiler.transpile(wide, Backends.get("fake_manila"), 1))
        .isInstanceOf(TranspilerException.class)
        .isInstanceOf(QuantumException.class);
  }

  @Test
  void stateTooLargeToSimulateIsAQuantumException() {
    assertThatThrownBy(() -> StatevectorSimulator.exactDistribution(new QuantumCircuit(40, 1)))
        .isInstanceOf(SimulatorException.class)
        .isInstanceOf(QuantumException.class)
        .hasMessageContaining("40 qubits");
  }
}
