package io.qserverless.quantum.qasm2.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The head of a gate definition, {@code gate name(p, q) a, b}, as OpenQASM 2 and 3 both write it
 * (trailing commas allowed, as the reference parser does); the body is each reader's own.
 *
 * @param at the {@code gate} (or {@code opaque}) keyword
 */
public record GateHeader(Token at, String name, List<String> parameters, List<String> qubits) {

  /** Reads the head; the qubit list ends before any of {@code ends} ({@code {}, {@code ;}). */
  public static GateHeader read(TokenStream in, String... ends) {
    Token at = in.next();
    String name = in.identifier("a gate name");
    List<String> parameters = new ArrayList<>();
    if (in.accept("(") && !in.accept(")")) {
      do {
        parameters.add(in.identifier("a parameter name"));
      } while (in.accept(",") && !in.peek().is(")"));
      in.expect(")");
    }
    List<String> qubits = new ArrayList<>();
    do {
      qubits.add(in.identifier("a qubit name"));
    } while (in.accept(",") && !ends(in.peek(), ends));
    return new GateHeader(at, name, List.copyOf(parameters), List.copyOf(qubits));
  }

  private static boolean ends(Token t, String[] ends) {
    for (String e : ends) {
      if (t.is(e)) {
        return true;
      }
    }
    return false;
  }
}
