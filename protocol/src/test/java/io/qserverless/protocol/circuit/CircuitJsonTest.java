package io.qserverless.protocol.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.protocol.Json;
import io.qserverless.quantum.circuit.ClassicalRegister;
import io.qserverless.quantum.circuit.GateDefinition;
import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.QuantumRegister;
import io.qserverless.quantum.circuit.random.RandomCircuit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class CircuitJsonTest {

  private static QuantumCircuit roundTrip(QuantumCircuit c) {
    return CircuitJson.fromJson(CircuitJson.toJson(c));
  }

  @Test
  void random_circuits_with_measurements_conditions_and_resets_survive_a_round_trip() {
    for (int seed = 0; seed < 60; seed++) {
      QuantumCircuit c =
          RandomCircuit.randomCircuit(
              1 + seed % 6, 5, 4, seed % 2 == 0, seed % 3 == 0, seed % 4 == 0, seed);
      c.setGlobalPhase(seed * 0.1234567891234);
      QuantumCircuit back = roundTrip(c);
      assertThat(back).as("seed %d", seed).isEqualTo(c);
      assertThat(back.name()).isEqualTo(c.name());
    }
  }

  @Test
  void symbolic_parameters_keep_their_identity_and_expressions() {
    Parameter theta = new Parameter("theta");
    Parameter phi = new Parameter("phi");
    QuantumCircuit c = new QuantumCircuit(2);
    c.rx(theta.mul(2).add(ParameterExpression.pi().div(4)), 0)
        .cp(phi.apply(ParameterExpression.Function.SIN).pow(ParameterExpression.of(2)).neg(), 0, 1)
        .setGlobalPhase(theta.div(-2));
    QuantumCircuit back = roundTrip(c);
    assertThat(back).isEqualTo(c);
    assertThat(back.parameters()).containsExactly(phi, theta);
    // bound with the sender's own Parameter objects
    QuantumCircuit bound = back.assignParameters(Map.of(theta, 0.5, phi, 1.0));
    assertThat(bound.data().get(0).operation().params().get(0).evaluate())
        .isEqualTo(1.0 + Math.PI / 4);
  }

  @Test
  void user_gates_nested_in_user_gates_are_written_once_and_read_back() {
    Parameter a = new Parameter("a");
    QuantumCircuit inner = new QuantumCircuit(2);
    inner.h(0).crz(a, 0, 1);
    GateDefinition innerGate = new GateDefinition("inner", List.of(a), inner);
    Parameter b = new Parameter("b");
    QuantumCircuit outer = new QuantumCircuit(3);
    outer.append(innerGate.gate(b.mul(3)), 2, 0).ccx(0, 1, 2);
    GateDefinition outerGate = new GateDefinition("outer", List.of(b), outer);
    QuantumCircuit c = new QuantumCircuit(3);
    c.append(outerGate.gate(ParameterExpression.of(0.3)), 0, 1, 2)
        .append(innerGate.gate(ParameterExpression.of(1)), 1, 2);
    ObjectNode tree = CircuitJson.toTree(c);
    assertThat(tree.get("gate_definitions").size()).isEqualTo(2);
    QuantumCircuit back = CircuitJson.fromTree(tree);
    assertThat(back).isEqualTo(c);
    assertThat(back.decompose().decompose()).isEqualTo(c.decompose().decompose());
  }

  @Test
  void registers_name_metadata_barriers_delays_and_bit_conditions_are_kept() {
    QuantumRegister q = new QuantumRegister(2, "data");
    ClassicalRegister m = new ClassicalRegister(2, "m");
    ClassicalRegister flag = new ClassicalRegister(1, "flag");
    QuantumCircuit c = new QuantumCircuit(q, m, flag);
    c.setName("my circuit")
        .setMetadata(Map.of("experiment", "bell", "shots", 100, "tags", List.of("a", "b")));
    c.h(0).barrier().delay(120, 1, "ns").measure(0, 0).x(1).cIf(m, 1).z(1).cIf(2, 1).measureAll();
    QuantumCircuit back = roundTrip(c);
    assertThat(back).isEqualTo(c);
    assertThat(back.name()).isEqualTo("my circuit");
    assertThat(back.metadata())
        .isEqualTo(Map.of("experiment", "bell", "shots", 100, "tags", List.of("a", "b")));
    assertThat(back.cregs())
        .extracting(ClassicalRegister::name)
        .containsExactly("m", "flag", "meas");
  }

  @Test
  void non_finite_constants_travel_as_strings() {
    QuantumCircuit c = new QuantumCircuit(1);
    c.rz(Double.POSITIVE_INFINITY, 0).rz(Double.NaN, 0);
    QuantumCircuit back = roundTrip(c);
    assertThat(back.data().get(0).operation().params().get(0).evaluate()).isInfinite();
    assertThat(back.data().get(1).operation().params().get(0).evaluate()).isNaN();
  }

  @Test
  void bad_documents_are_refused_with_the_json_path_and_what_was_expected() {
    QuantumCircuit c = new QuantumCircuit(2);
    c.cx(0, 1);
    String good = CircuitJson.toJson(c);
    assertThatThrownBy(() -> CircuitJson.fromJson(good.replace("\"cx\"", "\"cxx\"")))
        .isInstanceOf(CircuitJsonException.class)
        .hasMessageContaining("$.instructions[0].op")
        .hasMessageContaining("unknown operation 'cxx'");
    assertThatThrownBy(() -> CircuitJson.fromJson(good.replace("[0,1]", "[0,5]")))
        .hasMessageContaining("$.instructions[0]")
        .hasMessageContaining("qubit 5");
    assertThatThrownBy(() -> CircuitJson.fromJson(good.replace("[0,1]", "[0,-1]")))
        .hasMessageContaining("$.instructions[0].qubits[1]");
    assertThatThrownBy(() -> CircuitJson.fromJson(good.replace("qserverless.circuit/1", "other/2")))
        .hasMessageContaining("$.format");
    assertThatThrownBy(
            () ->
                CircuitJson.fromJson(
                    "{\"format\": \"qserverless.circuit/1\", \"registers\": [{\"kind\": \"quantum\", \"name\": \"q\"}]}"))
        .hasMessageContaining("$.registers[0].size")
        .hasMessageContaining("missing");
    assertThatThrownBy(() -> CircuitJson.fromJson("{not json")).hasMessageContaining("not JSON");
    assertThatThrownBy(() -> CircuitJson.fromTree(Json.MAPPER.createArrayNode()))
        .hasMessageContaining("expected a circuit object");
  }
}
