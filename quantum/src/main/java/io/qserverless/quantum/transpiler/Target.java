package io.qserverless.quantum.transpiler;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a device can run: its qubit count, its basis gates and the directed pairs on which its one
 * native two-qubit gate acts. The transpiler's passes read only this, never a backend.
 *
 * <p>Supported bases are {@code rz} + {@code sx} (optionally {@code x}, {@code id}) for single
 * qubits and one of {@code cx}, {@code cz}, {@code ecr} for pairs, which covers the IBM devices of
 * the Falcon and Eagle families. Immutable.
 *
 * @param numQubits physical qubits on the device
 * @param basisGates gate names the device runs, besides measure, barrier, reset and delay
 * @param couplingMap directed pairs where {@link #twoQubitGate()} may act
 */
public record Target(int numQubits, Set<String> basisGates, CouplingMap couplingMap) {
  /** Two-qubit gates the transpiler can emit, in order of preference. */
  public static final List<String> TWO_QUBIT_GATES = List.of("cx", "ecr", "cz");

  /** Single-qubit gates the transpiler can emit; {@code rz} and {@code sx} are required. */
  public static final List<String> ONE_QUBIT_GATES = List.of("rz", "sx", "x", "id");

  /** Instructions every target accepts whatever its basis. */
  public static final Set<String> DIRECTIVES = Set.of("measure", "barrier", "reset", "delay");

  public Target {
    basisGates = Set.copyOf(new TreeSet<>(basisGates));
    for (String g : basisGates) {
      if (!TWO_QUBIT_GATES.contains(g) && !ONE_QUBIT_GATES.contains(g)) {
        throw new TranspilerException(
            "basis gate '"
                + g
                + "' is not supported; a basis may hold "
                + ONE_QUBIT_GATES
                + " and one of "
                + TWO_QUBIT_GATES);
      }
    }
    if (!basisGates.contains("rz") || !basisGates.contains("sx")) {
      throw new TranspilerException(
          "basis "
              + new TreeSet<>(basisGates)
              + " lacks rz or sx; single-qubit gates are"
              + " synthesised as rz and sx, so add both");
    }
    long twoQubit = basisGates.stream().filter(TWO_QUBIT_GATES::contains).count();
    if (twoQubit > 1 || (twoQubit == 0 && numQubits > 1 && !couplingMap.edges().isEmpty())) {
      throw new TranspilerException(
          "basis "
              + new TreeSet<>(basisGates)
              + " must hold exactly one two-qubit gate of "
              + TWO_QUBIT_GATES);
    }
    if (couplingMap.numQubits() != numQubits) {
      throw new IllegalArgumentException("coupling map size differs from qubit count");
    }
  }

  /** The native two-qubit gate, or {@code null} for a device without one. */
  public String twoQubitGate() {
    return basisGates.stream().filter(TWO_QUBIT_GATES::contains).findFirst().orElse(null);
  }

  /** Refuses a circuit wider than the device. */
  public void requireFits(int circuitQubits) {
    if (circuitQubits > numQubits) {
      throw new TranspilerException(
          "the circuit has "
              + circuitQubits
              + " qubits but the target has only "
              + numQubits
              + "; pick a backend with at least "
              + circuitQubits
              + " qubits");
    }
  }

  /** Whether {@code name} runs natively (basis gate or directive). */
  public boolean supports(String name) {
    return basisGates.contains(name) || DIRECTIVES.contains(name);
  }

  /** Whether the native two-qubit gate may run on {@code (a, b)} in that order. */
  public boolean allowsPair(int a, int b) {
    return couplingMap.hasEdge(a, b);
  }
}
