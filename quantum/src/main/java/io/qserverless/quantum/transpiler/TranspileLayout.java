package io.qserverless.quantum.transpiler;

import io.qserverless.quantum.circuit.QuantumCircuit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a transpiled circuit put the input's qubits: {@code initialLayout[v]} is the physical qubit
 * virtual qubit {@code v} starts on, {@code finalLayout[v]} the one its state ends on after
 * routing's swaps. Measurements in the output already act on the right physical qubits, so
 * classical results need no remapping; these arrays matter for reading out states or observables.
 *
 * <p>Stored in the output circuit's metadata under {@value #INITIAL_KEY} and {@value #FINAL_KEY}
 * (plain integer lists, so it survives JSON encoding); read back with {@link #of}.
 */
public record TranspileLayout(int[] initialLayout, int[] finalLayout) {
  public static final String INITIAL_KEY = "initial_layout";
  public static final String FINAL_KEY = "final_layout";

  public TranspileLayout {
    initialLayout = initialLayout.clone();
    finalLayout = finalLayout.clone();
  }

  @Override
  public int[] initialLayout() {
    return initialLayout.clone();
  }

  @Override
  public int[] finalLayout() {
    return finalLayout.clone();
  }

  /** The layout a transpiled circuit carries, if any. */
  public static Optional<TranspileLayout> of(QuantumCircuit circuit) {
    Map<String, Object> md = circuit.metadata();
    if (!(md.get(INITIAL_KEY) instanceof List<?> init)
        || !(md.get(FINAL_KEY) instanceof List<?> fin)) {
      return Optional.empty();
    }
    return Optional.of(new TranspileLayout(toInts(init), toInts(fin)));
  }

  /** Writes this layout into the circuit's metadata. */
  void attachTo(QuantumCircuit circuit) {
    Map<String, Object> md = new LinkedHashMap<>(circuit.metadata());
    md.put(INITIAL_KEY, Arrays.stream(initialLayout).boxed().toList());
    md.put(FINAL_KEY, Arrays.stream(finalLayout).boxed().toList());
    circuit.setMetadata(md);
  }

  private static int[] toInts(List<?> list) {
    return list.stream().mapToInt(o -> ((Number) o).intValue()).toArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TranspileLayout t
        && Arrays.equals(initialLayout, t.initialLayout)
        && Arrays.equals(finalLayout, t.finalLayout);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(initialLayout) + Arrays.hashCode(finalLayout);
  }

  @Override
  public String toString() {
    return "TranspileLayout(initial="
        + Arrays.toString(initialLayout)
        + ", final="
        + Arrays.toString(finalLayout)
        + ")";
  }
}
