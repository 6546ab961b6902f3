package io.qserverless.quantum.circuit;

import java.io.Serializable;

/**
 * A typed classical variable of a circuit (OpenQASM 3 {@code int[8] tries;}, Qiskit's {@code
 * expr.Var}): a value the circuit computes while it runs, written by {@link Store} and read by
 * {@link ClassicalExpr.Read}. It starts at 0 (false) in every run.
 *
 * @param width bits of an {@code int} or {@code uint} (1 to 64); 1 for a {@code bool}
 */
public record ClassicalVar(String name, Kind kind, int width) implements Serializable {

  /** The variable's type. */
  public enum Kind {
    BOOL,
    INT,
    UINT
  }

  public ClassicalVar {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a classical variable needs a name");
    }
    if (kind == Kind.BOOL ? width != 1 : width < 1 || width > 64) {
      throw new IllegalArgumentException(
          "variable '" + name + "' of type " + kind + " cannot have " + width + " bits");
    }
  }

  /** {@code value} as this variable holds it: wrapped to its width, signed for an int. */
  public long wrap(long value) {
    return switch (kind) {
      case BOOL -> value != 0 ? 1 : 0;
      case UINT -> width == 64 ? value : value & ((1L << width) - 1);
      case INT -> width == 64 ? value : value << (64 - width) >> (64 - width);
    };
  }
}
