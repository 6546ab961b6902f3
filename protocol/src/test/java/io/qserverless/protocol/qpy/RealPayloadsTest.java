package io.qserverless.protocol.qpy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.protocol.internal.Base64Zlib;
import io.qserverless.protocol.value.Values;
import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.QuantumRegister;
import io.qserverless.quantum.circuit.StandardGate;
import io.qserverless.quantum.simulator.Statevector;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * QPY written by released Qiskit (2.3.0: format versions 13 and 14; 2.5.2: 13 and 17; 1.4.0: 10 and
 * 12), as found in public test files (github.com/Qiskit/ibm-quantum-schemas,
 * github.com/sterling-group/ChemRefine), each checked against what its source says it is. A payload
 * is data; the commit and file of each are named beside it.
 */
class RealPayloadsTest {
  /**
   * 46d3eab test/models/estimator/version_0_1_dev/test_models.py: {@code QuantumCircuit(2);
   * circuit.cz(0, 1)}, QPY 14.
   */
  static final String CZ_V14 =
      "eJwL9Az29gzhY2JmgALGgkIGrjQGDiCTiQEBQGxGmBIQkZxZlFyaWaJrYghTUl1byAhWychYyIAKGOEsNiTzsChidI5y"
          + "TyxJBesvhIr9RwIwtQDCQRet";

  /** 2726196 same file: {@code pcirc = QuantumCircuit(1); pcirc.rz(Parameter("p"), 0)}, QPY 14. */
  static final String RZ_P_V14 =
      "eJwL9Az29gzhY2JmgALGgkIGrjQGDhCTAQGYkPhgOjmzKLk0s0TXzAimpLq2kBEsy8hYyIAO2KD6GDFkICAoyj2xJBWs"
          + "rwAqJMzA2JLy829phvPZCZGn3OPENWaApP4jAZhuAKa3IDY=";

  /**
   * 483464f test/models/noise_learner_v2/version_0_1/fixtures/custom_options.json: a 3-qubit layer
   * circuit, QPY 14.
   */
  static final String GHZ_V14 =
      "eJwL9Az29gzhY2JmgALGgkIGrjQGDgYGBrgYAwMDE0gKygaLJ2cWJZdmluiamMKUVNcWMoJlGRkLGVABI5IpEMCKJoMO"
          + "PNwTS1IhxrBhaEYxl9E5Aq62ECxGvAawQ0HK/iMBmGIATsYdAA==";

  /**
   * c563758 test/models/noise_learner_v2/version_0_1_dev/test_data/result_example.json: the circuit
   * of the LayerError whose {@code "qubits"} are {@code [0, 1]}, QPY 13.
   */
  static final String LAYER_V13 =
      "eJwL9Az29gzhZWJmgALGgkIG4TQGDiCTiQEBQGxGmBIQkZxZlFyaWaJrZGipa2hpYWRsYgBTW11byAjWwshYyIAKGOEs"
          + "NiSDsShidI5wTyxJBemHG/IfCcDUAgDfbRmC";

  /**
   * sterling-group/ChemRefine 22fedbb tests/test_engines_qiskit_qpy_validation.py: "Actual Qiskit
   * 1.4.0 (v10/12) and 2.5.2 (v13/17) output for QuantumCircuit(1, name="qpy-validation")", plain
   * base64 of the QPY bytes (no zlib).
   */
  static final String EMPTY_V17 =
      "UUlTS0lUEQIFAgAAAAAAAAABcHEAAAAAAAAAHAAOZgAIAAAAAQAAAAAAAAAAAAAAAgAAAAEAAAAA"
          + "AAAAAAAAAABxcHktdmFsaWRhdGlvbgAAAAAAAAAAe31xAQAAAAEAAQFxAAAAAAAAAAAAAAAAAAAA"
          + "AAAAAAAAAAD///////////////8AAAAAAAAAAA==";

  static final String EMPTY_V13 =
      "UUlTS0lUDQIFAgAAAAAAAAABcHEADmYACAAAAAEAAAAAAAAAAAAAAAIAAAABAAAAAAAAAAAAAAAA"
          + "cXB5LXZhbGlkYXRpb24AAAAAAAAAAHt9cQEAAAABAAEBcQAAAAAAAAAAAAAAAAAAAAAAAAD/////"
          + "//////////8AAAAAAAAAAA==";
  static final String EMPTY_V12 =
      "UUlTS0lUDAEEAAAAAAAAAAABZXEADmYACAAAAAEAAAAAAAAAAAAAAAIAAAABAAAAAAAAAAAAAAAA"
          + "cXB5LXZhbGlkYXRpb24AAAAAAAAAAHt9cQEAAAABAAEBcQAAAAAAAAAAAAAAAAAAAAAAAAD/////"
          + "//////////8AAAAAAAAAAA==";

  static byte[] qpy(String envelopeValue) {
    return Base64Zlib.decode(envelopeValue, "test payload");
  }

  @Test
  void the_cz_circuit_of_the_estimator_test_decodes_to_cz_on_two_qubits() {
    byte[] bytes = qpy(CZ_V14);
    assertThat(Qpy.version(bytes)).isEqualTo(14);
    QuantumCircuit qc = Qpy.load(bytes).get(0);

    assertThat(qc.name()).isEqualTo("circuit-41");
    assertThat(qc.registers()).containsExactly(new QuantumRegister(2, "q"));
    assertThat(qc.data()).containsExactly(new CircuitInstruction(StandardGate.CZ.gate(), 0, 1));
    assertThat(qc.metadata()).isEmpty();
    assertThat(qc.globalPhase().evaluate()).isZero();
  }

  @Test
  void the_parameterized_circuit_keeps_parameter_p_and_its_uuid() {
    QuantumCircuit qc = Qpy.load(qpy(RZ_P_V14)).get(0);

    Parameter p = new Parameter("p", UUID.fromString("8464f9fd-7568-43cd-9059-ca475e172898"));
    assertThat(qc.numQubits()).isEqualTo(1);
    assertThat(qc.data()).containsExactly(new CircuitInstruction(StandardGate.RZ.gate(p), 0));
    assertThat(qc.parameters()).containsExactly(p);
  }

  @Test
  void the_three_qubit_layer_circuit_prepares_a_ghz_state() {
    // q0: ─H─■─────
    // q1: ───X─■───
    // q2: ─────X───     (|000> + |111>)/√2
    QuantumCircuit qc = Qpy.load(qpy(GHZ_V14)).get(0);

    assertThat(qc.data())
        .extracting(in -> ((Gate) in.operation()).standardGate())
        .containsExactly(StandardGate.H, StandardGate.CX, StandardGate.CX);
    double[] p = Statevector.fromCircuit(qc).probabilities();
    assertThat(p[0]).isCloseTo(0.5, within(1e-12));
    assertThat(p[7]).isCloseTo(0.5, within(1e-12));
    assertThat(Arrays.stream(p).sum()).isCloseTo(1, within(1e-12));
  }

  @Test
  void the_qpy_13_layer_circuit_acts_on_the_two_qubits_its_layer_error_names() {
    byte[] bytes = qpy(LAYER_V13);
    assertThat(Qpy.version(bytes)).isEqualTo(13);
    QuantumCircuit qc = Qpy.load(bytes).get(0);

    assertThat(qc.name()).isEqualTo("circuit-219-1982340");
    assertThat(qc.numQubits()).isEqualTo(2);
    assertThat(qc.data()).containsExactly(new CircuitInstruction(StandardGate.CX.gate(), 1, 0));
  }

  @Test
  void
      qiskit_2_5_2s_qpy_17_with_its_circuit_table_and_annotation_header_decodes_to_the_named_1_qubit_circuit() {
    for (String payload : List.of(EMPTY_V17, EMPTY_V13)) {
      byte[] bytes = java.util.Base64.getDecoder().decode(payload);
      QuantumCircuit qc = Qpy.load(bytes).get(0);
      assertThat(qc.name()).isEqualTo("qpy-validation");
      assertThat(qc.registers()).containsExactly(new QuantumRegister(1, "q"));
      assertThat(qc.data()).isEmpty();
      int version = Qpy.version(bytes);
      assertSameAfterTheQiskitVersion(
          Qpy.dump(List.of(new QuantumCircuit(1).setName("qpy-validation")), version), bytes);
    }
  }

  @Test
  void qiskit_1_4_0s_qpy_12_is_refused_naming_the_versions_read() {
    byte[] bytes = java.util.Base64.getDecoder().decode(EMPTY_V12);
    assertThat(Qpy.version(bytes)).isEqualTo(12);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Qpy.load(bytes))
        .isInstanceOf(QpyException.class)
        .hasMessageContaining(
            "QPY version 12 is not supported: this gateway reads versions 13 to 17");
  }

  @Test
  void
      the_estimator_pub_json_of_the_test_decodes_with_its_observables_and_empty_parameter_values() {
    // str1 of test_estimator_pub_model in 46d3eab
    // test/models/estimator/version_0_1_dev/test_models.py
    String pubs =
        "[{\"__type__\": \"QuantumCircuit\", \"__value__\": \""
            + CZ_V14
            + "\"}, [{\"YZ\": 2.0, \"XI\": 1.0},"
            + " {\"ZZ\": 3.0, \"XY\": 4.0}], {\"__type__\": \"ndarray\", \"__value__\": \"eJyb7BfqGxDJyFDGUK2eklqcXKRupaB"
            + "uk2ahrqOgnpZfVFKUmBefX5SSChJ3S8wpTgWKF2ckFqQC+RoGOpo6CrUKFAAuAFOzG1s=\"}, null]";

    List<?> pub = (List<?>) Values.fromJson(pubs);

    assertThat(pub.get(0)).isEqualTo(Qpy.load(qpy(CZ_V14)).get(0));
    assertThat(pub.get(1))
        .isEqualTo(List.of(Map.of("YZ", 2.0, "XI", 1.0), Map.of("ZZ", 3.0, "XY", 4.0)));
    assertThat(pub.get(2)).isEqualTo(new double[0]);
    assertThat(pub.get(3)).isNull();
  }

  @Test
  void the_parameter_values_np_array_3_decode_to_a_double_array() {
    // pub2 = (encoded_circ2, ["Z"], np.array([3])) in 2726196 test_models.py, stored as float64
    Object values =
        Values.fromJson(
            "{\"__type__\": \"ndarray\", \"__value__\": \"eJyb7BfqGxDJyFDGUK2eklqcXKRupaBuk2a"
                + "hrqOgnpZfVFKUmBefX5SSChJ3S8wpTgWKF2ckFqQC+RqGOpo6CrUKFAAuBjDgcAAALzUbpA==\"}");

    assertThat(values).isEqualTo(new double[] {3.0});
  }

  @Test
  void the_writer_reproduces_qiskits_bytes_for_the_same_circuits() {
    QuantumCircuit cz = new QuantumCircuit(2).setName("circuit-41");
    cz.cz(0, 1);
    Parameter p = new Parameter("p", UUID.fromString("8464f9fd-7568-43cd-9059-ca475e172898"));
    QuantumCircuit rz = new QuantumCircuit(1).setName("circuit-62");
    rz.append(StandardGate.RZ.gate(p), 0);

    assertSameAfterTheQiskitVersion(Qpy.dump(List.of(cz), 14), qpy(CZ_V14));
    assertSameAfterTheQiskitVersion(Qpy.dump(List.of(rz), 14), qpy(RZ_P_V14));
    QuantumCircuit layer = new QuantumCircuit(2).setName("circuit-219-1982340");
    layer.cx(1, 0);
    assertSameAfterTheQiskitVersion(Qpy.dump(List.of(layer), 13), qpy(LAYER_V13));
  }

  /** Bytes 7–9 name the writing Qiskit release (2.3.0 there); all else must match exactly. */
  private static void assertSameAfterTheQiskitVersion(byte[] ours, byte[] qiskits) {
    assertThat(ours.length).isEqualTo(qiskits.length);
    assertThat(Arrays.copyOfRange(ours, 10, ours.length))
        .isEqualTo(Arrays.copyOfRange(qiskits, 10, qiskits.length));
    assertThat(Arrays.copyOfRange(ours, 0, 7)).isEqualTo(Arrays.copyOfRange(qiskits, 0, 7));
  }
}
