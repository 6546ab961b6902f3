package io.qserverless.quantum.circuit;

/**
 * Skips the rest of the innermost {@link WhileLoop}'s body, back to its condition (OpenQASM 3
 * {@code continue}); usually conditioned.
 */
public record ContinueLoop() implements ControlFlow {
  @Override
  public String name() {
    return "continue_loop";
  }
}
