package io.qserverless.protocol.value;

import java.util.List;
import java.util.stream.Collectors;

/** The typed values {@link Values} knows, looked up by Java type or by {@code __type__} name. */
final class TypedValues {
  private static final List<TypedValue<?>> ALL =
      List.of(
          new CircuitValue(),
          new ComplexValue(),
          new SetValue(),
          new ParameterValue(),
          new SettingsValue(),
          new NdArrayValue());

  private TypedValues() {}

  static TypedValue<?> forValue(Object value) {
    for (TypedValue<?> t : ALL) {
      if (t.type() != null && t.type().isInstance(value)) {
        return t;
      }
    }
    return null;
  }

  static TypedValue<?> forName(String name) {
    for (TypedValue<?> t : ALL) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    return null;
  }

  /** The typed names for messages, e.g. "QuantumCircuit". */
  static String names() {
    return ALL.stream().map(TypedValue::name).collect(Collectors.joining(", "));
  }
}
