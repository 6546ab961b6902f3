package io.qserverless.quantum.transpiler;

import java.util.HashMap;
import java.util.Map;

/**
 * Facts passes share during one run: analysis passes write them, later passes read them. Keys are
 * typed. One property set per {@link PassManager#run} call, so not thread-safe.
 */
public final class PropertySet {
  /** A typed key. */
  public record Key<T>(String name, Class<T> type) {}

  /** Virtual qubit → physical qubit chosen by the layout stage (length: input qubits). */
  public static final Key<int[]> LAYOUT = new Key<>("layout", int[].class);

  /**
   * Routing's permutation: the state that the layout placed on physical qubit {@code p} ends on
   * physical qubit {@code finalPermutation[p]}.
   */
  public static final Key<int[]> FINAL_PERMUTATION = new Key<>("final_permutation", int[].class);

  private final Map<Key<?>, Object> values = new HashMap<>();

  public <T> T get(Key<T> key) {
    return key.type().cast(values.get(key));
  }

  public <T> PropertySet put(Key<T> key, T value) {
    values.put(key, key.type().cast(value));
    return this;
  }

  public boolean contains(Key<?> key) {
    return values.containsKey(key);
  }
}
