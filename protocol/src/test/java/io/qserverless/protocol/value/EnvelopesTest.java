package io.qserverless.protocol.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.info.SparsePauliOp;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The envelopes qiskit_ibm_runtime's RuntimeEncoder (the Python client's encoder) writes for
 * typical arguments. The ndarray values are real {@code np.save} bytes, made with numpy 2.4.6 as
 * the encoder does: {@code base64(zlib(np.save(arr, allow_pickle=False)))}.
 */
class EnvelopesTest {
  private static final String F8 =
      "eJyb7BfqGxDJyFDGUK2eklqcXKRupaBuk2ahrqOgnpZfVFKUmBefX5SSChJ3S8wpTgWKF2ckFqQC+RpGOgrGmjoKtQ"
          + "pkAy4GMPhhD6EZDkCoC1A+hwOEFoDSIg4A7EYfYg==";
  private static final String I8 =
      "eJyb7BfqGxDJyFDGUK2eklqcXKRupaBuk2mhrqOgnpZfVFKUmBefX5SSChJ3S8wpTgWKF2ckFqQC+RrGOpo6CrUKFA"
          + "AuRgYI+PcfApihfABKuyNc";
  private static final String C16 =
      "eJyb7BfqGxDJyFDGUK2eklqcXKRupaBuk2xopq6joJ6WX1RSlJgXn1+UkgqScEvMKU4FihdnJBakAvkaRjqaOgq1Cu"
          + "QDLgYw+GAPoRkcoHQDhHqwHwDohR73";
  private static final String BOOL =
      "eJyb7BfqGxDJyFDGUK2eklqcXKRupaBek2SorqOgnpZfVFKUmBefX5SSChJ3S8wpTgWKF2ckFqQC+RrGOpo6CrUKFA"
          + "AuRgZGAL1yG5U=";
  private static final String SCALAR =
      "eJyb7BfqGxDJyFDGUK2eklqcXKRupaBuk2ahrqOgnpZfVFKUmBefX5SSChJ3S8wpTgWKF2ckFqQC+RqaOgq1ChQBLg"
          + "YwYHEAACeeG4M=";
  private static final String FORTRAN =
      "eJyb7BfqGxDJyFDGUK2eklqcXKRupaBuk2ahrqOgnpZfVFKUmBefX5SSChIPKSpNBQoXZyQWpAK5GsY6CkaaOgq1Cu"
          + "QDLgYw+GAPoTkcILQIlGaA0gJQWsIBALVBHfg=";
  private static final String F4 =
      "eJyb7BfqGxDJyFDGUK2eklqcXKRupaBuk2airqOgnpZfVFKUmBefX5SSChJ3S8wpTgWKF2ckFqQC+RqGOpo6CrUKFA"
          + "AuBoYGewDA8RwX";
  private static final String NOT_NPY = "eJzLSM3JyQcABiwCFQ==";
  private static final String SPO_COEFFS =
      "eJyb7BfqGxDJyFDGUK2eklqcXKRupaBuk2xopq6joJ6WX1RSlJgXn1+UkgqScEvMKU4FihdnJBakAvkaRjqaOgq1Cu"
          + "QDLgYw+GDPgAIe7IexAOy9Hjc=";
  private static final String SPO_IMAGINARY =
      "eJyb7BfqGxDJyFDGUK2eklqcXKRupaBuk2xopq6joJ6WX1RSlJgXn1+UkgqScEvMKU4FihdnJBakAvkaRjqaOgq1Cu"
          + "QDLgYw+GDPgBU8sAcA30Udtw==";

  private static Object ndarray(String base64) {
    return decode("ndarray", "\"" + base64 + "\"");
  }

  private static Object decode(String type, String value) {
    return Values.fromJson("{\"__type__\": \"" + type + "\", \"__value__\": " + value + "}");
  }

  @Test
  void ndarrays_of_float64_int64_complex128_and_bool_decode_to_java_arrays_of_their_shape() {
    // np.array([[1.5, -2.0, 0.25], [3.0, 4.0, 5.0]])
    assertThat(ndarray(F8)).isEqualTo(new double[][] {{1.5, -2.0, 0.25}, {3.0, 4.0, 5.0}});
    // np.array([1, -2, 3], dtype=np.int64)
    assertThat(ndarray(I8)).isEqualTo(new long[] {1, -2, 3});
    // np.array([1+2j, -0.5j]); numpy writes -0.5j with a real part of -0.0
    assertThat(ndarray(C16)).isEqualTo(new Complex[] {new Complex(1, 2), new Complex(-0.0, -0.5)});
    // np.array([True, False, True])
    assertThat(ndarray(BOOL)).isEqualTo(new boolean[] {true, false, true});
    // np.array(2.5): a 0-d array is its scalar
    assertThat(ndarray(SCALAR)).isEqualTo(2.5);
  }

  @Test
  void a_fortran_ordered_ndarray_keeps_its_rows() {
    // np.asfortranarray([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    assertThat(ndarray(FORTRAN)).isEqualTo(new double[][] {{1, 2}, {3, 4}, {5, 6}});
  }

  @Test
  void an_ndarray_of_another_dtype_is_refused_naming_the_dtype_and_the_fix() {
    // np.array([1.0], dtype=np.float32)
    assertThatThrownBy(() -> ndarray(F4))
        .isInstanceOf(ValueEncodingException.class)
        .hasMessageContaining("dtype '<f4' is not supported")
        .hasMessageContaining("astype(np.float64)");
    assertThatThrownBy(() -> ndarray(NOT_NPY)).hasMessageContaining("not .npy data");
  }

  @Test
  void an_object_ndarray_travels_as_a_list() {
    assertThat(decode("ndarray", "[[1, 2], [3]]")).isEqualTo(List.of(List.of(1L, 2L), List.of(3L)));
  }

  @Test
  void complex_and_set_values_decode_and_encode_as_the_python_client_writes_them() {
    assertThat(decode("complex", "[0.5, -1.0]")).isEqualTo(new Complex(0.5, -1.0));
    assertThat(Values.toJson(new Complex(0.5, -1.0)))
        .isEqualTo("{\"__type__\":\"complex\",\"__value__\":[0.5,-1.0]}");
    assertThat(decode("set", "[\"a\", 3]")).isEqualTo(new LinkedHashSet<>(List.of("a", 3L)));
    assertThat(Values.toJson(new LinkedHashSet<>(List.of("x", "y"))))
        .isEqualTo("{\"__type__\":\"set\",\"__value__\":[\"x\",\"y\"]}");
    assertThatThrownBy(() -> decode("complex", "[1]")).hasMessageContaining("expected [re, im]");
  }

  /**
   * RuntimeEncoder writes a SparsePauliOp through its settings: a PauliList's settings and an
   * ndarray of complex coeffs.
   */
  private static String sparsePauliOp(String coeffs) {
    return "{\"__type__\": \"settings\", \"__module__\": \"qiskit.quantum_info.operators.symplectic.sparse_pauli_op\","
        + " \"__class__\": \"SparsePauliOp\", \"__value__\": {\"data\": {\"__type__\": \"settings\", \"__module__\":"
        + " \"qiskit.quantum_info.operators.symplectic.pauli_list\", \"__class__\": \"PauliList\", \"__value__\":"
        + " {\"data\": [\"ZZ\", \"XI\"]}}, \"coeffs\": {\"__type__\": \"ndarray\", \"__value__\": \""
        + coeffs
        + "\"}}}";
  }

  @Test
  void a_sparse_pauli_op_observable_decodes_with_its_labels_and_real_coefficients() {
    // SparsePauliOp(["ZZ", "XI"], coeffs=[1, -0.5]): coeffs np.array([1+0j, -0.5+0j])
    SparsePauliOp op = (SparsePauliOp) Values.fromJson(sparsePauliOp(SPO_COEFFS));

    assertThat(op.terms())
        .containsExactly(new SparsePauliOp.Term("ZZ", 1), new SparsePauliOp.Term("XI", -0.5));
    assertThat(Values.fromJson(Values.toJson(op))).usingRecursiveComparison().isEqualTo(op);
  }

  @Test
  void a_sparse_pauli_op_with_an_imaginary_coefficient_is_refused() {
    // coeffs np.array([1+0j, 0.5j])
    assertThatThrownBy(() -> Values.fromJson(sparsePauliOp(SPO_IMAGINARY)))
        .isInstanceOf(ValueEncodingException.class)
        .hasMessageContaining("coefficient (0.0+0.5j) of 'XI' is not real");
  }

  @Test
  void the_encoded_sparse_pauli_op_has_the_module_and_class_the_python_decoder_imports() {
    String json = Values.toJson(SparsePauliOp.fromList(List.of(Map.entry("ZI", 2.0))));

    assertThat(json)
        .startsWith(
            "{\"__type__\":\"settings\",\"__module__\":\"qiskit.quantum_info.operators.symplectic"
                + ".sparse_pauli_op\",\"__class__\":\"SparsePauliOp\",\"__value__\":{\"data\":{\"__type__\":\"settings\","
                + "\"__module__\":\"qiskit.quantum_info.operators.symplectic.pauli_list\",\"__class__\":\"PauliList\","
                + "\"__value__\":{\"data\":[\"ZI\"]}},\"coeffs\":{\"__type__\":\"ndarray\",\"__value__\":\"eJ");
  }

  @Test
  void a_parameter_keeps_its_name_and_uuid() {
    Parameter theta = new Parameter("θ", UUID.fromString("8464f9fd-7568-43cd-9059-ca475e172898"));
    String json = Values.toJson(Map.of("p", theta));

    assertThat(json).contains("\"__type__\":\"Parameter\"");
    assertThat(((Map<?, ?>) Values.fromJson(json)).get("p")).isEqualTo(theta);
  }

  @Test
  void sets_of_records_and_nested_envelopes_round_trip() {
    Set<Object> set = new LinkedHashSet<>(List.of(new Complex(1, 0), "z"));
    assertThat(Values.fromJson(Values.toJson(Map.of("s", set)))).isEqualTo(Map.of("s", set));
  }
}
