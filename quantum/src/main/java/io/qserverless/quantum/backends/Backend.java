package io.qserverless.quantum.backends;

import io.qserverless.quantum.transpiler.CouplingMap;
import io.qserverless.quantum.transpiler.Target;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A named device description: qubit count, basis gates and directed coupling map, as read from a
 * backend JSON file. Use {@link Backends#get(String)} for the shipped ones or {@link
 * Backends#load(java.nio.file.Path)} for your own; {@link #target()} is what the transpiler reads.
 *
 * @param name the backend's name, e.g. {@code fake_manila}
 * @param description one line saying which device it models
 * @param numQubits physical qubits
 * @param basisGates native gate names, sorted
 * @param couplingMap directed pairs where the two-qubit gate may act
 */
public record Backend(
    String name,
    String description,
    int numQubits,
    List<String> basisGates,
    CouplingMap couplingMap) {

  public Backend {
    basisGates = List.copyOf(basisGates);
  }

  /** The transpiler's view of this device. */
  public Target target() {
    return new Target(numQubits, Set.copyOf(basisGates), couplingMap);
  }

  /**
   * This backend as a JSON object with fields {@code name}, {@code num_qubits}, {@code basis_gates}
   * and {@code coupling_map}, the form {@link Backends#load} reads back.
   */
  public String toJson() {
    String basis =
        basisGates.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(", ", "[", "]"));
    String edges =
        couplingMap.edges().stream()
            .map(e -> "[" + e[0] + ", " + e[1] + "]")
            .collect(Collectors.joining(", ", "[", "]"));
    return "{\"name\": \""
        + name.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\", \"num_qubits\": "
        + numQubits
        + ", \"basis_gates\": "
        + basis
        + ", \"coupling_map\": "
        + edges
        + "}";
  }
}
