package io.qserverless.quantum.simulator.internal;

/**
 * ⟨ψ|P|ψ⟩ for a Pauli string P given by its flip mask x (X or Y) and sign mask z (Z or Y).
 *
 * <p>P|i> = i^{#Y} (-1)^{|i ∧ z|} |i ⊕ x>, so ⟨ψ|P|ψ⟩ = i^{#Y} Σ_i conj(ψ[i ⊕ x]) ψ[i] (-1)^{|i ∧
 * z|}. The result is real for a Hermitian P; the sum runs in parallel chunks added in a fixed
 * order.
 */
public final class PauliExpectation {
  private PauliExpectation() {}

  public static double of(double[] a, int x, int z) {
    int dim = a.length / 2;
    int ys = Integer.bitCount(x & z) & 3;
    // the real part of the sum is needed for #Y even, the imaginary part for #Y odd
    boolean imaginary = (ys & 1) != 0;
    double sum =
        Parallel.sum(
            dim,
            (from, to) -> {
              double total = 0;
              for (int i = from; i < to; i++) {
                int j = i ^ x;
                double term =
                    imaginary
                        ? a[2 * j] * a[2 * i + 1] - a[2 * j + 1] * a[2 * i]
                        : a[2 * j] * a[2 * i] + a[2 * j + 1] * a[2 * i + 1];
                total += (Integer.bitCount(i & z) & 1) != 0 ? -term : term;
              }
              return total;
            });
    return switch (ys) {
      case 1, 2 -> -sum;
      default -> sum;
    };
  }
}
