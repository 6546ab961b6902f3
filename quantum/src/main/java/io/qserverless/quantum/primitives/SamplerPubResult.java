package io.qserverless.quantum.primitives;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** SamplerV2's result for one pub: a {@link BitArray} per classical register, by register name. */
public final class SamplerPubResult {
  private final Map<String, BitArray> data;
  private final Map<String, Object> metadata;

  SamplerPubResult(Map<String, BitArray> data, Map<String, Object> metadata) {
    this.data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    this.metadata = Map.copyOf(metadata);
  }

  /** The shots of register {@code name} (e.g. {@code "meas"} after measureAll). */
  public BitArray data(String name) {
    BitArray bits = data.get(name);
    if (bits == null) {
      throw new IllegalArgumentException(
          "the circuit has no classical register '"
              + name
              + "': its registers are "
              + data.keySet());
    }
    return bits;
  }

  public Set<String> registerNames() {
    return data.keySet();
  }

  public Map<String, Object> metadata() {
    return metadata;
  }
}
