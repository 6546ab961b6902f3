package io.qserverless.runtime;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The arguments a job was run with, decoded: JSON objects as {@code Map}, arrays as {@code List},
 * numbers as {@code Long} or {@code Double}, circuits as {@code QuantumCircuit}.
 *
 * <p>The typed getters convert numbers (a JSON {@code 3} reads as int, long or double) and refuse a
 * missing argument or a wrong type with a message naming the argument, what came and what was
 * expected. Immutable.
 *
 * <pre>{@code
 * Arguments args = Serverless.arguments();
 * List<QuantumCircuit> circuits = args.getList("circuits", QuantumCircuit.class);
 * int level = args.get("optimization_level", Integer.class, 1);
 * }</pre>
 */
public final class Arguments {
  private final Map<String, Object> values;

  Arguments(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** Every argument by name, as decoded. */
  public Map<String, Object> asMap() {
    return values;
  }

  /** The argument {@code name} as {@code type}; fails when it is missing or of another type. */
  public <T> T get(String name, Class<T> type) {
    if (!values.containsKey(name)) {
      throw new IllegalArgumentException(
          "the job has no argument '"
              + name
              + "' (it has "
              + values.keySet()
              + "): run it with arguments such as {\""
              + name
              + "\": ...}");
    }
    return convert(values.get(name), type, "argument '" + name + "'");
  }

  /** The argument {@code name} as {@code type}, or {@code fallback} when it is missing or null. */
  public <T> T get(String name, Class<T> type, T fallback) {
    return values.get(name) == null ? fallback : get(name, type);
  }

  /** The list argument {@code name} with each element as {@code elementType}. */
  public <T> List<T> getList(String name, Class<T> elementType) {
    List<?> raw = get(name, List.class);
    List<T> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      out.add(convert(raw.get(i), elementType, "argument '" + name + "'[" + i + "]"));
    }
    return Collections.unmodifiableList(out);
  }

  public String getString(String name) {
    return get(name, String.class);
  }

  public int getInt(String name) {
    return get(name, Integer.class);
  }

  public double getDouble(String name) {
    return get(name, Double.class);
  }

  @Override
  public String toString() {
    return "Arguments" + values.keySet();
  }

  private static <T> T convert(Object value, Class<T> type, String what) {
    if (value instanceof Number n
        && Number.class.isAssignableFrom(type)
        && !type.isInstance(value)) {
      Object converted = number(n, type);
      if (converted != null) {
        return type.cast(converted);
      }
    }
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    String got =
        value == null ? "null" : value.getClass().getSimpleName() + " (" + abbreviate(value) + ")";
    throw new IllegalArgumentException(
        what
            + " is "
            + got
            + ", expected "
            + type.getSimpleName()
            + ": run the job with that argument as a "
            + type.getSimpleName());
  }

  private static Object number(Number n, Class<?> type) {
    boolean integral = n instanceof Long || n instanceof Integer || n instanceof BigInteger;
    if (type == Double.class) {
      return n.doubleValue();
    }
    if (type == Long.class && integral && n.longValue() == n.doubleValue()) {
      return n.longValue();
    }
    if (type == Integer.class && integral && n.longValue() == (int) n.longValue()) {
      return (int) n.longValue();
    }
    return null;
  }

  private static String abbreviate(Object value) {
    String s = String.valueOf(value);
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
