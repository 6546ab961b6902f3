package io.qserverless.quantum.transpiler;

import io.qserverless.quantum.backends.Backend;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.transpiler.preset.PresetPassManagers;
import java.util.List;

/**
 * One-call transpilation: {@code Transpiler.transpile(circuit, Backends.get("fake_manila"), 1)}
 * returns an ISA circuit for the backend, with its {@link TranspileLayout} in the metadata.
 * Equivalent to {@code PresetPassManagers.generate(level, backend).run(circuit)}.
 */
public final class Transpiler {
  private Transpiler() {}

  public static QuantumCircuit transpile(QuantumCircuit circuit, Backend backend, int level) {
    return PresetPassManagers.generate(level, backend).run(circuit);
  }

  public static List<QuantumCircuit> transpile(
      List<QuantumCircuit> circuits, Backend backend, int level) {
    return PresetPassManagers.generate(level, backend).run(circuits);
  }

  public static QuantumCircuit transpile(QuantumCircuit circuit, Target target, int level) {
    return PresetPassManagers.generate(level, target, PresetPassManagers.DEFAULT_SEED).run(circuit);
  }
}
