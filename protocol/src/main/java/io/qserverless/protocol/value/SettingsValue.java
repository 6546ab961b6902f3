package io.qserverless.protocol.value;

import io.qserverless.quantum.info.SparsePauliOp;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Qiskit operators in qiskit_ibm_runtime's {@code settings} envelope: {@code {"__type__":
 * "settings", "__module__": ..., "__class__": "SparsePauliOp", "__value__": {"data": PauliList
 * settings, "coeffs": ndarray}}}, the observables an Estimator takes. {@code SparsePauliOp} maps to
 * the quantum module's {@link SparsePauliOp}, whose coefficients are real (Hermitian observables):
 * a coefficient with an imaginary part is refused. {@code PauliList} decodes to its labels.
 */
final class SettingsValue implements TypedValue<SparsePauliOp> {
  private static final String OPERATORS = "qiskit.quantum_info.operators.symplectic.";

  @Override
  public String name() {
    return "settings";
  }

  @Override
  public Class<SparsePauliOp> type() {
    return SparsePauliOp.class;
  }

  @Override
  public JsonNode encode(SparsePauliOp value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode labels =
        envelope(
            "pauli_list",
            "PauliList",
            f.objectNode()
                .set(
                    "data",
                    Values.toTree(value.terms().stream().map(SparsePauliOp.Term::label).toList())));
    ObjectNode coeffs =
        f.objectNode()
            .put("__type__", "ndarray")
            .put(
                "__value__",
                NdArrayValue.encodeComplex(
                    value.terms().stream().map(t -> new Complex(t.coeff(), 0)).toList()));
    return f.objectNode().<ObjectNode>set("data", labels).set("coeffs", coeffs);
  }

  @Override
  public ObjectNode encodeEnvelope(Object value) {
    return envelope("sparse_pauli_op", "SparsePauliOp", encode((SparsePauliOp) value));
  }

  private static ObjectNode envelope(String module, String className, JsonNode value) {
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.put("__type__", "settings").put("__module__", OPERATORS + module).put("__class__", className);
    e.set("__value__", value);
    return e;
  }

  @Override
  public Object decode(JsonNode value) {
    throw new UnsupportedOperationException("settings envelopes decode from the whole envelope");
  }

  @Override
  public Object decodeEnvelope(JsonNode envelope) {
    String className = envelope.path("__class__").asString("");
    JsonNode value = envelope.get("__value__");
    if (!value.isObject() || !value.has("data")) {
      throw new ValueEncodingException(
          "the settings of " + className + " are " + value + ": expected {\"data\": ...}");
    }
    Object data = Values.fromTree(value.get("data"));
    return switch (className) {
      case "PauliList" -> labels(data);
      case "SparsePauliOp" ->
          sparsePauliOp(
              labels(data), value.has("coeffs") ? Values.fromTree(value.get("coeffs")) : null);
      default ->
          throw new ValueEncodingException(
              "settings of class '"
                  + className
                  + "' are not supported: "
                  + "send a SparsePauliOp or PauliList");
    };
  }

  private static List<String> labels(Object data) {
    if (data instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      return list.stream().map(String.class::cast).toList();
    }
    throw new ValueEncodingException(
        "Pauli labels are " + data + ": expected a list of strings such as [\"ZZ\", \"XI\"]");
  }

  private static SparsePauliOp sparsePauliOp(List<String> labels, Object coeffs) {
    List<Map.Entry<String, Double>> terms = new ArrayList<>();
    int n =
        coeffs == null
            ? labels.size()
            : coeffs.getClass().isArray()
                ? Array.getLength(coeffs)
                : coeffs instanceof List<?> l ? l.size() : -1;
    if (n != labels.size()) {
      throw new ValueEncodingException(
          "SparsePauliOp has "
              + labels.size()
              + " labels but coefficients "
              + coeffs
              + ": send one coefficient per label");
    }
    for (int i = 0; i < n; i++) {
      Object c =
          coeffs == null
              ? 1.0
              : coeffs.getClass().isArray() ? Array.get(coeffs, i) : ((List<?>) coeffs).get(i);
      double re =
          switch (c) {
            case Complex z when z.im() == 0 -> z.re();
            case Number x -> x.doubleValue();
            default ->
                throw new ValueEncodingException(
                    "SparsePauliOp coefficient "
                        + c
                        + " of '"
                        + labels.get(i)
                        + "' is not real: observables here take real coefficients (Hermitian operators)");
          };
      terms.add(Map.entry(labels.get(i), re));
    }
    try {
      return SparsePauliOp.fromList(terms);
    } catch (IllegalArgumentException e) {
      throw new ValueEncodingException("SparsePauliOp is invalid: " + e.getMessage(), e);
    }
  }
}
