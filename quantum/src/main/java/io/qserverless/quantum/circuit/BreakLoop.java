package io.qserverless.quantum.circuit;

/** Leaves the innermost {@link WhileLoop} (OpenQASM 3 {@code break}); usually conditioned. */
public record BreakLoop() implements ControlFlow {
  @Override
  public String name() {
    return "break_loop";
  }
}
