package io.qserverless.quantum.info;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An observable as a real-weighted sum of Pauli strings, e.g. {@code 0.5*ZZ - 0.2*XI}.
 *
 * <pre>{@code
 * SparsePauliOp zz = SparsePauliOp.fromList(List.of(Map.entry("ZZ", 1.0)));
 * }</pre>
 *
 * <p>Labels follow Qiskit: the <b>rightmost</b> character acts on qubit 0, so {@code "ZI"} is Z on
 * qubit 1. Coefficients are real (Hermitian observables, which is what expectation values need).
 * Immutable.
 */
public final class SparsePauliOp {
  /** One term: a Pauli string and its coefficient. */
  public record Term(String label, double coeff) {}

  private final List<Term> terms;
  private final int numQubits;

  private SparsePauliOp(List<Term> terms) {
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("a SparsePauliOp needs at least one term, got none");
    }
    this.numQubits = terms.get(0).label().length();
    for (Term t : terms) {
      if (!t.label().matches("[IXYZ]+")) {
        throw new IllegalArgumentException(
            "Pauli label '" + t.label() + "' is invalid: use the letters I, X, Y, Z (e.g. \"ZZ\")");
      }
      if (t.label().length() != numQubits) {
        throw new IllegalArgumentException(
            "Pauli label '"
                + t.label()
                + "' has "
                + t.label().length()
                + " qubits but '"
                + terms.get(0).label()
                + "' has "
                + numQubits
                + ": all terms need the same length");
      }
    }
    this.terms = List.copyOf(terms);
  }

  public static SparsePauliOp fromList(List<? extends Map.Entry<String, ? extends Number>> terms) {
    List<Term> list = new ArrayList<>();
    for (Map.Entry<String, ? extends Number> e : terms) {
      list.add(new Term(e.getKey(), e.getValue().doubleValue()));
    }
    return new SparsePauliOp(list);
  }

  /** A single Pauli string with coefficient 1. */
  public static SparsePauliOp of(String label) {
    return new SparsePauliOp(List.of(new Term(label, 1)));
  }

  public List<Term> terms() {
    return terms;
  }

  public int numQubits() {
    return numQubits;
  }

  /** Bit mask of the qubits where the term flips (X or Y). */
  public static int xMask(String label) {
    return mask(label, "XY");
  }

  /** Bit mask of the qubits where the term has a sign (Z or Y). */
  public static int zMask(String label) {
    return mask(label, "ZY");
  }

  private static int mask(String label, String letters) {
    int m = 0;
    int n = label.length();
    for (int i = 0; i < n; i++) {
      if (letters.indexOf(label.charAt(i)) >= 0) {
        m |= 1 << (n - 1 - i);
      }
    }
    return m;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Term t : terms) {
      sb.append(sb.isEmpty() ? "" : " + ").append(t.coeff()).append('*').append(t.label());
    }
    return sb.toString();
  }
}
