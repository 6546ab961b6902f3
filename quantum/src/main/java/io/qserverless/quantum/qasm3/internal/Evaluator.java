package io.qserverless.quantum.qasm3.internal;

import static io.qserverless.quantum.qasm3.internal.Syntax.error;

import io.qserverless.quantum.qasm2.internal.Token;
import io.qserverless.quantum.qasm3.internal.Syntax.Type;
import io.qserverless.quantum.qasm3.internal.Value.Bits;
import io.qserverless.quantum.qasm3.internal.Value.Bool;
import java.util.List;
import java.util.function.Function;

/**
 * Evaluates classical expressions while a program is unrolled: names, bits (as {@link
 * Value.Dynamic} tables), indexing, operators, casts and calls, which it hands back to the unroller
 * since a subroutine body is statements.
 */
final class Evaluator {

  private final Scopes scopes;
  private final BitLedger bits;
  private final Operands operands;
  private final Function<Syntax.Call, Value> calls;

  Evaluator(Scopes scopes, BitLedger bits, Operands operands, Function<Syntax.Call, Value> calls) {
    this.scopes = scopes;
    this.bits = bits;
    this.operands = operands;
    this.calls = calls;
  }

  Value evaluate(Syntax.Expr e) {
    return switch (e) {
      case Syntax.Literal l -> l.value();
      case Syntax.DurationLiteral d -> new Value.Real(d.amount());
      case Syntax.Identifier id ->
          switch (scopes.lookup(id.name(), id.at())) {
            case Binding.Variable v -> v.value();
            case Binding.Clbits c ->
                bits.read(Operands.range(c.offset(), c.size()), c.register(), id.at());
            case Binding.Qubits q ->
                throw error(
                    id.at(),
                    "'" + id.name() + "' holds qubits where a classical value is expected");
            case Binding.QubitList q ->
                throw error(
                    id.at(),
                    "'" + id.name() + "' holds qubits where a classical value is expected");
          };
      case Syntax.HardwareQubit h ->
          throw error(h.at(), "a qubit stands where a classical value is expected");
      case Syntax.Index index -> {
        Binding root = scopes.lookup(Operands.rootName(index), index.at());
        if (root instanceof Binding.Clbits) {
          yield bits.read(operands.bits(index), null, index.at());
        }
        Value base = evaluate(index.base());
        if (base instanceof Value.Array a) {
          List<Value> picked = operands.select(a.items(), index, index.at());
          yield index.index() instanceof Syntax.Range || index.index() instanceof Syntax.SetLiteral
              ? new Value.Array(picked)
              : picked.getFirst();
        }
        Value i = evaluate(index.index());
        yield Operators.lift(
            List.of(base, i),
            x ->
                new Bits(
                    Operators.integer(x.get(0), index.at())
                            >>> Operators.integer(x.get(1), index.at())
                        & 1,
                    1),
            index.at());
      }
      case Syntax.Unary u -> Operators.unary(u.op(), evaluate(u.operand()), u.at());
      case Syntax.Binary b ->
          Operators.binary(b.op(), evaluate(b.left()), evaluate(b.right()), b.at());
      case Syntax.Call c -> calls.apply(c);
      case Syntax.Cast c ->
          coerce(
              c.type(),
              c.type().width() == null ? 0 : size(c.type().width()),
              evaluate(c.value()),
              c.at());
      case Syntax.SetLiteral s -> new Value.Array(s.items().stream().map(this::evaluate).toList());
      case Syntax.Measure m ->
          throw error(m.at(), "'measure' can only stand alone or on the right of '='");
      case Syntax.Range r -> throw error(r.at(), "a range stands only in a for loop or an index");
    };
  }

  /** {@code v} converted to {@code type} of {@code width} bits (0: unsized). */
  Value coerce(Type type, int width, Value v, Token at) {
    return switch (type.kind()) {
      case ARRAY -> {
        if (!(v instanceof Value.Array a)) {
          throw error(at, "expected an array such as {1, 2, 3} but found " + Value.show(v));
        }
        if (type.dimensions().isEmpty()) {
          // an argument array[T, #dim=n]: any shape of rank n
          int rank = width(type);
          if (rank(a) != rank) {
            throw error(
                at, "the argument wants an array of " + rank + " dimensions, not " + rank(a));
          }
          yield a;
        }
        int n = size(type.dimensions().getFirst());
        if (a.items().size() != n) {
          throw error(at, "the array has " + a.items().size() + " elements but its type says " + n);
        }
        Type inner = inner(type);
        int w = inner.kind() == Type.Kind.ARRAY ? 0 : width(inner);
        yield new Value.Array(a.items().stream().map(x -> coerce(inner, w, x, at)).toList());
      }
      case DURATION, STRETCH, COMPLEX -> v;
      default -> Operators.cast(type.kind(), width, v, at);
    };
  }

  /** The type of an array's elements: its element type, or an array of its remaining dimensions. */
  static Type inner(Type array) {
    List<Syntax.Expr> rest = array.dimensions().subList(1, array.dimensions().size());
    return rest.isEmpty()
        ? array.element()
        : new Type(Type.Kind.ARRAY, null, array.element(), rest, array.at());
  }

  private static int rank(Value v) {
    return v instanceof Value.Array a
        ? 1 + (a.items().isEmpty() ? 0 : rank(a.items().getFirst()))
        : 0;
  }

  /** The value of a declared variable without initialiser; an array of such values. */
  Value initial(Type type) {
    if (type.kind() == Type.Kind.ARRAY) {
      Value item = initial(inner(type));
      return new Value.Array(
          java.util.Collections.nCopies(size(type.dimensions().getFirst()), item));
    }
    return switch (type.kind()) {
      case FLOAT, ANGLE, DURATION, STRETCH, COMPLEX -> new Value.Real(0);
      case BOOL -> new Bool(false);
      default -> new Value.Int(0);
    };
  }

  /** A size or width: a known integer from 0 to Integer.MAX_VALUE. */
  int size(Syntax.Expr e) {
    long n = Operators.integer(evaluate(e), e.at());
    if (n < 0 || n > Integer.MAX_VALUE) {
      throw error(e.at(), "a size must be from 0 to " + Integer.MAX_VALUE + ", not " + n);
    }
    return (int) n;
  }

  int width(Type type) {
    return type.width() == null ? 0 : size(type.width());
  }
}
