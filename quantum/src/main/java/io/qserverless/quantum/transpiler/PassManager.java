package io.qserverless.quantum.transpiler;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.transpiler.internal.CircuitLowering;
import java.util.List;

/**
 * Runs a fixed list of passes over circuits. Each {@link #run} call gets a fresh {@link
 * PropertySet}; the output circuit carries the chosen layout as a {@link TranspileLayout} when a
 * layout pass ran. Stateless after construction, so one pass manager may serve many threads.
 *
 * <pre>{@code
 * PassManager pm = PresetPassManagers.generate(1, Backends.get("fake_manila"));
 * QuantumCircuit isa = pm.run(circuit);
 * }</pre>
 */
public final class PassManager {
  private final List<BasePass> passes;

  public PassManager(List<? extends BasePass> passes) {
    this.passes = List.copyOf(passes);
  }

  public List<BasePass> passes() {
    return passes;
  }

  /** Transpiles one circuit. */
  public QuantumCircuit run(QuantumCircuit circuit) {
    PropertySet properties = new PropertySet();
    DagCircuit dag = run(CircuitLowering.toDag(circuit), properties);
    QuantumCircuit out = CircuitLowering.toCircuit(dag, circuit);
    int[] layout = properties.get(PropertySet.LAYOUT);
    if (layout != null) {
      int[] permutation = properties.get(PropertySet.FINAL_PERMUTATION);
      int[] finalLayout = new int[layout.length];
      for (int v = 0; v < layout.length; v++) {
        finalLayout[v] = permutation == null ? layout[v] : permutation[layout[v]];
      }
      new TranspileLayout(layout, finalLayout).attachTo(out);
    }
    return out;
  }

  /** Transpiles each circuit, in order. */
  public List<QuantumCircuit> run(List<QuantumCircuit> circuits) {
    return circuits.stream().map(this::run).toList();
  }

  /** Runs the passes on a circuit already in the passes' form. */
  public DagCircuit run(DagCircuit dag, PropertySet properties) {
    DagCircuit current = dag;
    for (BasePass pass : passes) {
      switch (pass) {
        case AnalysisPass a -> a.analyze(current, properties);
        case TransformationPass t -> current = t.transform(current, properties);
      }
    }
    return current;
  }
}
