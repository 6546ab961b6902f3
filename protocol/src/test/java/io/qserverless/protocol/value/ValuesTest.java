package io.qserverless.protocol.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.quantum.circuit.QuantumCircuit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @Test
  void plain_json_values_survive_a_round_trip() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("name", "bell");
    value.put("shots", 1024L);
    value.put("ratio", 0.25);
    value.put("ok", true);
    value.put("none", null);
    value.put("items", List.of(1L, List.of("a"), Map.of("k", false)));

    assertThat(Values.fromJson(Values.toJson(value))).isEqualTo(value);
  }

  @Test
  void quasi_distribution_keys_are_written_as_strings_as_qiskit_serverless_does() {
    Map<Integer, Double> quasi = new LinkedHashMap<>();
    quasi.put(1, 0.5);
    quasi.put(3, 0.5);

    assertThat(Values.toJson(Map.of("results", List.of(quasi))))
        .isEqualTo("{\"results\":[{\"1\":0.5,\"3\":0.5}]}");
  }

  record Usage(String stage, double cpuTime) {}

  @Test
  void records_arrays_and_enums_encode_as_objects_lists_and_names() {
    assertThat(Values.toJson(new Usage("MAPPING", 1.5)))
        .isEqualTo("{\"stage\":\"MAPPING\",\"cpuTime\":1.5}");
    assertThat(Values.toJson(new double[] {0.5, 1})).isEqualTo("[0.5,1.0]");
    assertThat(Values.toJson(Thread.State.NEW)).isEqualTo("\"NEW\"");
  }

  @Test
  void a_value_json_cannot_carry_is_refused_with_its_path() {
    assertThatThrownBy(() -> Values.toJson(Map.of("results", List.of(1, Double.POSITIVE_INFINITY))))
        .isInstanceOf(ValueEncodingException.class)
        .hasMessageContaining("Infinity at $.results[1]");
    assertThatThrownBy(() -> Values.toJson(Map.of("t", new Thread())))
        .hasMessageContaining("cannot encode a java.lang.Thread at $.t");
    assertThatThrownBy(() -> Values.toJson(Map.of(List.of(1), 2)))
        .hasMessageContaining("map key [1] at $");
  }

  @Test
  void bad_json_and_unknown_types_are_refused_on_decode() {
    assertThatThrownBy(() -> Values.fromJson("{\"circuits\": ["))
        .isInstanceOf(ValueEncodingException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(
            () -> Values.fromJson("{\"x\": {\"__type__\": \"datetime\", \"__value__\": \"2026\"}}"))
        .hasMessageContaining("unknown __type__ 'datetime' at $.x: expected QuantumCircuit");
  }

  @Test
  void circuits_travel_as_qpy_in_the_quantum_circuit_envelope_and_come_back_equal() {
    QuantumCircuit bell = new QuantumCircuit(2).h(0).cx(0, 1).measureAll();

    String json = Values.toJson(Map.of("circuits", List.of(bell)));
    // base64 of zlib starts "eJ", as the Python client's encoder writes it
    assertThat(json)
        .startsWith("{\"circuits\":[{\"__type__\":\"QuantumCircuit\",\"__value__\":\"eJ");
    Object back = ((List<?>) ((Map<?, ?>) Values.fromJson(json)).get("circuits")).getFirst();
    assertThat(back).isInstanceOf(QuantumCircuit.class).isEqualTo(bell);
  }

  @Test
  void a_circuit_envelope_with_a_bad_value_is_refused_with_its_path() {
    assertThatThrownBy(
            () ->
                Values.fromJson("{\"c\": [{\"__type__\": \"QuantumCircuit\", \"__value__\": 7}]}"))
        .isInstanceOf(ValueEncodingException.class)
        .hasMessageContaining("cannot decode the QuantumCircuit at $.c[0]");
    assertThatThrownBy(() -> Values.fromJson("{\"c\": {\"__type__\": \"QuantumCircuit\"}}"))
        .hasMessageContaining("has no __value__");
  }

  @Test
  void a_circuit_envelope_may_carry_openqasm_text_of_either_version() {
    //      ┌───┐
    // q_0: ┤ H ├──■──
    //      └───┘┌─┴─┐
    // q_1: ─────┤ X ├
    //           └───┘
    QuantumCircuit bell = new QuantumCircuit(2).h(0).cx(0, 1);
    String qasm2 =
        "OPENQASM 2.0;\\ninclude \\\"qelib1.inc\\\";\\nqreg q[2];\\nh q[0];\\ncx q[0],q[1];\\n";
    String qasm3 =
        "OPENQASM 3.0;\\ninclude \\\"stdgates.inc\\\";\\nqubit[2] q;\\nh q[0];\\ncx q[0], q[1];\\n";

    for (String text : List.of(qasm2, qasm3)) {
      Object back =
          ((Map<?, ?>)
                  Values.fromJson(
                      "{\"c\": {\"__type__\": \"QuantumCircuit\", \"__value__\": \""
                          + text
                          + "\"}}"))
              .get("c");
      assertThat(((QuantumCircuit) back).data()).isEqualTo(bell.data());
    }
  }

  @Test
  void openqasm_text_that_does_not_parse_is_refused_with_its_path_and_line() {
    String bad = "OPENQASM 2.0;\\nqreg q[2];\\nh q[5];\\n";
    assertThatThrownBy(
            () ->
                Values.fromJson(
                    "{\"c\": {\"__type__\": \"QuantumCircuit\", \"__value__\": \"" + bad + "\"}}"))
        .isInstanceOf(ValueEncodingException.class)
        .hasMessageContaining("$.c")
        .hasMessageContaining(":3:");
  }

  @Test
  void numbers_are_written_as_the_shortest_text_that_reads_back_the_same() {
    assertThat(Values.toJson(List.of(0.1f, 0.1, 1.0, 3, 7L, new java.math.BigDecimal("1.50"))))
        .isEqualTo("[0.1,0.1,1.0,3,7,1.50]");
    assertThat(Values.toJson("tab\tquote\"é")).isEqualTo("\"tab\\tquote\\\"é\"");
  }

  @Test
  void text_after_the_value_is_refused() {
    assertThatThrownBy(() -> Values.fromJson("{} {}")).hasMessageContaining("text after its end");
    assertThatThrownBy(() -> Values.fromJson("  ")).hasMessageContaining("value is empty");
  }

  @Test
  void large_integers_keep_their_digits() {
    assertThat(Values.fromJson("123456789012345678901234567890"))
        .hasToString("123456789012345678901234567890");
    assertThat(Values.fromJson("42")).isEqualTo(42L);
  }
}
