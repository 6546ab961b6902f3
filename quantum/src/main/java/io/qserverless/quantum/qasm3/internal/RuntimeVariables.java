package io.qserverless.quantum.qasm3.internal;

import static io.qserverless.quantum.qasm3.internal.Syntax.error;

import io.qserverless.quantum.circuit.ClassicalExpr;
import io.qserverless.quantum.circuit.ClassicalVar;
import io.qserverless.quantum.qasm2.internal.Statement;
import io.qserverless.quantum.qasm2.internal.Statement.Operand;
import io.qserverless.quantum.qasm2.internal.Token;
import io.qserverless.quantum.qasm3.internal.Syntax.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The classical variables the circuit itself keeps ({@link ClassicalVar}): those a while loop on a
 * measurement changes from pass to pass, and those computed from them. Everything else is still
 * computed while the program is read.
 */
final class RuntimeVariables {

  private final Emitter emitter;
  private final BitLedger bits;
  private final Set<String> names = new HashSet<>();

  RuntimeVariables(Emitter emitter, BitLedger bits) {
    this.emitter = emitter;
    this.bits = bits;
  }

  /**
   * Makes {@code name}, of {@code kind} and {@code width} (0: unsized), a variable of the circuit
   * that starts at {@code value}; returns what reading it gives.
   */
  Value.Runtime introduce(String name, Type.Kind kind, int width, Value value, Token at) {
    ClassicalVar.Kind k =
        switch (kind) {
          case BOOL -> ClassicalVar.Kind.BOOL;
          case INT -> ClassicalVar.Kind.INT;
          case UINT -> ClassicalVar.Kind.UINT;
          default ->
              throw error(
                  at,
                  "'"
                      + name
                      + "' would have to change while the circuit runs, which only int, uint and"
                      + " bool variables can, not "
                      + kind.name().toLowerCase()
                      + "; compute it from those, or carry it in bits");
        };
    String unique = name;
    for (int i = 1; names.contains(unique) || !bits.uniqueName(unique, false).equals(unique); i++) {
      unique = name + "_" + i;
    }
    names.add(unique);
    ClassicalVar var =
        new ClassicalVar(unique, k, k == ClassicalVar.Kind.BOOL ? 1 : width == 0 ? 64 : width);
    // a fresh variable holds 0 until stored; outside a loop or if body this runs once per run
    boolean known = !(value instanceof Value.Runtime) && !(value instanceof Value.Dynamic);
    if (emitter.collecting() || !known || Operators.integer(value, at) != 0) {
      store(var, value, at);
    }
    return new Value.Runtime(new ClassicalExpr.Read(var), List.of());
  }

  /** Writes {@code value} into {@code var} while the circuit runs. */
  void store(ClassicalVar var, Value value, Token at) {
    Local local = local(value, at);
    emitter.emit(new Statement.Store(var, local.expression(), local.clbits(), at), List.of(), at);
  }

  /** The variable a reading of one stands for, or null for any other value. */
  static ClassicalVar variable(Value v) {
    return v instanceof Value.Runtime r && r.expression() instanceof ClassicalExpr.Read read
        ? read.var()
        : null;
  }

  /** An expression with its clbit k standing for operand k of {@code clbits}. */
  record Local(ClassicalExpr expression, List<Operand> clbits) {}

  /** {@code v} as an expression of the circuit over the operands it reads, checked fresh. */
  Local local(Value v, Token at) {
    ClassicalExpr e = Operators.expression(v, at);
    if (v instanceof Value.Runtime r) {
      r.reads().forEach(d -> bits.checkFresh(d, at));
    } else if (v instanceof Value.Dynamic d) {
      bits.checkFresh(d, at);
    }
    List<Integer> global = new ArrayList<>();
    ClassicalExpr local =
        e.mapClbits(
            b -> {
              if (!global.contains(b)) {
                global.add(b);
              }
              return global.indexOf(b);
            });
    return new Local(local, global.stream().map(b -> bits.operand(b, at)).toList());
  }
}
