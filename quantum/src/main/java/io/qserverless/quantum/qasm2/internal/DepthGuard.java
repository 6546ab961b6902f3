package io.qserverless.quantum.qasm2.internal;

import java.util.function.Supplier;

/**
 * Keeps a recursive-descent expression reader (OpenQASM 2's and 3's) off the end of the Java stack:
 * it counts how deeply the reader is nested in itself (parentheses, unary operators) and how deep a
 * tree it builds (a long chain of binary operators nests the tree, not the reader), and refuses
 * either past {@value #MAX_DEPTH} with a parse error at the spot.
 */
public final class DepthGuard {

  public static final int MAX_DEPTH = 256;

  private final TokenStream in;
  private final String advice;
  private int nesting;

  /** {@code advice} ends the message: what to do instead, e.g. "simplify it". */
  public DepthGuard(TokenStream in, String advice) {
    this.in = in;
    this.advice = advice;
  }

  /** The reader goes one level deeper into itself. */
  public void enter() {
    if (++nesting > MAX_DEPTH) {
      throw tooDeep(in.peek());
    }
  }

  /** The reader comes back out of one level. */
  public void leave() {
    nesting--;
  }

  /** Reads one nested part (an operand of unary minus, an exponent) one level deeper. */
  public <T> T nested(Supplier<T> read) {
    enter();
    T part = read.get();
    leave();
    return part;
  }

  /** {@code depth + 1}: a tree one level above one of {@code depth}, refused past the limit. */
  public int deeper(int depth, Token at) {
    if (depth + 1 > MAX_DEPTH) {
      throw tooDeep(at);
    }
    return depth + 1;
  }

  private RuntimeException tooDeep(Token at) {
    return in.error(at, "the expression is more than " + MAX_DEPTH + " levels deep; " + advice);
  }
}
