package io.qserverless.cli;

import io.qserverless.quantum.backends.Backend;
import io.qserverless.quantum.backends.Backends;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qs backends}: the shipped fake backends, as a table or as JSON. */
@Command(name = "backends", description = "List the backends the transpiler knows.")
final class BackendsCommand implements Callable<Integer> {
  @Option(
      names = "--json",
      description = "print [{name, num_qubits, basis_gates, coupling_map}] as JSON")
  boolean json;

  @Override
  public Integer call() {
    if (json) {
      System.out.println(
          Backends.names().stream()
              .map(n -> "  " + Backends.get(n).toJson())
              .collect(Collectors.joining(",\n", "[\n", "\n]")));
      return 0;
    }
    System.out.printf("%-16s %6s  %-22s %s%n", "NAME", "QUBITS", "BASIS", "DESCRIPTION");
    for (String name : Backends.names()) {
      Backend b = Backends.get(name);
      System.out.printf(
          "%-16s %6d  %-22s %s%n",
          b.name(), b.numQubits(), String.join(" ", b.basisGates()), b.description());
    }
    return 0;
  }
}
