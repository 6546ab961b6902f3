package io.qserverless.protocol.qpy.internal;

import io.qserverless.protocol.internal.Npy;
import io.qserverless.protocol.qpy.QpyException;
import io.qserverless.protocol.value.Complex;
import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.ParameterExpression.Binary;
import io.qserverless.quantum.circuit.ParameterExpression.BinaryOp;
import io.qserverless.quantum.circuit.ParameterExpression.Constant;
import io.qserverless.quantum.circuit.ParameterExpression.Function;
import io.qserverless.quantum.circuit.ParameterExpression.Unary;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * QPY's values for angles and phases: numbers, {@code Parameter} ({@code p}), {@code
 * ParameterVectorElement} ({@code v}) and {@code ParameterExpression} ({@code e}), the latter as
 * the V13+ replay of {@code PARAM_EXPR_ELEM_V13} entries.
 *
 * <p>The replay is read with the semantics of Qiskit's Rust reader
 * (qiskit/crates/qpy/src/params.rs): an operand of type {@code n} pops the stack, the right operand
 * first; {@code RSUB/RDIV/RPOW} (18–20) compute {@code rhs op lhs}. Negation travels as
 * multiplication by the int {@code -1}, as Qiskit writes it. The writer emits the reverse ops when
 * a literal precedes a sub-expression, so that both Qiskit's Rust and Python readers rebuild the
 * same expression.
 */
final class Parameters {
  static final int ELEMENT_SIZE = 35;
  private static final int ADD = 0;
  private static final int SUB = 1;
  private static final int MUL = 2;
  private static final int DIV = 3;
  private static final int POW = 4;
  private static final int RSUB = 18;
  private static final int RDIV = 19;
  private static final int RPOW = 20;
  private static final int MARKER = 255;
  private static final Map<Integer, Function> UNARY =
      Map.of(
          5,
          Function.SIN,
          6,
          Function.COS,
          7,
          Function.TAN,
          8,
          Function.ASIN,
          9,
          Function.ACOS,
          10,
          Function.EXP,
          11,
          Function.LN,
          16,
          Function.ABS,
          17,
          Function.ATAN);
  private static final Map<Function, Integer> UNARY_CODES = new HashMap<>();

  static {
    UNARY.forEach((code, f) -> UNARY_CODES.put(f, code));
  }

  private final int version;

  Parameters(int version) {
    this.version = version;
  }

  // ---- reading

  /**
   * A value of type {@code type}: numbers big-endian, or little-endian as instruction parameters of
   * QPY ≤ 17.
   */
  ParameterExpression read(char type, QpyInput in, boolean littleEndian, String what) {
    return switch (type) {
      case 'f' -> ParameterExpression.of(littleEndian ? in.f64LittleEndian(what) : in.f64(what));
      case 'i' -> ParameterExpression.of(littleEndian ? in.i64LittleEndian(what) : in.i64(what));
      case 'c' -> real(in.f64(what), in.f64(what), what);
      case 'p' -> readParameter(in);
      case 'v' -> readVectorElement(in);
      case 'e' -> readExpression(in, 0);
      case 'n' -> numpyScalar(in.bytes(in.remaining(), what), what);
      default -> throw unsupportedValue(type, what);
    };
  }

  QpyException unsupportedValue(char type, String what) {
    String kind =
        switch (type) {
          case 's' -> "a string";
          case 'z' -> "None";
          case 'q' -> "a circuit";
          case 't' -> "a tuple";
          case 'r' -> "a range";
          case 'R' -> "a classical register";
          case 'x' -> "a classical expression";
          case 'm' -> "a modifier";
          case 'd' -> "a case default";
          default -> "type key '" + type + "'";
        };
    return QpyException.unsupported(kind + " as " + what, version);
  }

  private ParameterExpression real(double re, double im, String what) {
    if (im != 0) {
      throw QpyException.unsupported(
          "the complex value " + new Complex(re, im) + " as " + what + " (angles here are real)",
          version);
    }
    return ParameterExpression.of(re);
  }

  private ParameterExpression numpyScalar(byte[] npy, String what) {
    Object v;
    try {
      v = Npy.read(npy);
    } catch (IllegalArgumentException e) {
      throw new QpyException(
          "QPY numpy value for " + what + " is unreadable: " + e.getMessage(), e);
    }
    return switch (v) {
      case Double d -> ParameterExpression.of(d);
      case Long l -> ParameterExpression.of(l);
      case Complex c -> real(c.re(), c.im(), what);
      default -> throw QpyException.unsupported("a numpy array as " + what, version);
    };
  }

  Parameter readParameter(QpyInput in) {
    int nameSize = in.u16("parameter name size");
    UUID uuid = in.uuid("parameter uuid");
    return parameter(in.utf8(nameSize, "parameter name"), uuid);
  }

  private Parameter readVectorElement(QpyInput in) {
    int nameSize = in.u16("parameter vector name size");
    in.i64("parameter vector size");
    UUID uuid = in.uuid("parameter vector element uuid");
    long index = in.i64("parameter vector index");
    return parameter(in.utf8(nameSize, "parameter vector name") + "[" + index + "]", uuid);
  }

  private Parameter parameter(String name, UUID uuid) {
    try {
      return new Parameter(name, uuid);
    } catch (IllegalArgumentException e) {
      throw new QpyException(
          "QPY parameter '" + name + "' cannot be a Java parameter: " + e.getMessage(), e);
    }
  }

  private ParameterExpression readExpression(QpyInput in, int depth) {
    int symbols = in.count(in.i64("expression symbol count"), 10, "expression symbols");
    QpyInput replay = in.slice(in.i64("expression size"), "expression replay");
    Map<UUID, Parameter> byUuid = new HashMap<>();
    for (int i = 0; i < symbols; i++) {
      char symbolType = in.ascii("expression symbol type");
      char valueType = in.ascii("expression symbol value type");
      long valueSize = in.i64("expression symbol value size");
      Parameter p =
          switch (symbolType) {
            case 'p' -> readParameter(in);
            case 'v' -> readVectorElement(in);
            default ->
                throw QpyException.unsupported(
                    "an expression symbol of type '" + symbolType + "'", version);
          };
      if (valueType != symbolType || valueSize != 0) {
        throw QpyException.unsupported(
            "ParameterExpression substitution values in the symbol table", version);
      }
      byUuid.put(p.uuid(), p);
    }
    return replay(replay, byUuid);
  }

  private ParameterExpression replay(QpyInput in, Map<UUID, Parameter> symbols) {
    Deque<ParameterExpression> stack = new ArrayDeque<>();
    int count = in.count(in.remaining() / ELEMENT_SIZE, ELEMENT_SIZE, "expression elements");
    for (int i = 0; i < count; i++) {
      int op = in.u8("expression op code");
      char lhsType = in.ascii("expression lhs type");
      byte[] lhs = in.bytes(16, "expression lhs");
      char rhsType = in.ascii("expression rhs type");
      byte[] rhs = in.bytes(16, "expression rhs");
      if (op == MARKER) {
        continue;
      }
      if (lhsType == 'u') {
        throw QpyException.unsupported("ParameterExpression.subs in an expression", version);
      }
      ParameterExpression out;
      if (op <= POW || op >= RSUB && op <= RPOW) {
        boolean negation = op == MUL && rhsType == 'i' && literalLong(new QpyInput(rhs)) == -1;
        ParameterExpression r = negation ? null : operand(stack, rhsType, rhs, symbols);
        ParameterExpression l = operand(stack, lhsType, lhs, symbols);
        out =
            switch (op) {
              case ADD -> l.add(r);
              case SUB -> l.sub(r);
              case MUL -> negation ? l.neg() : l.mul(r);
              case DIV -> l.div(r);
              case POW -> l.pow(r);
              case RSUB -> r.sub(l);
              case RDIV -> r.div(l);
              default -> r.pow(l);
            };
      } else if (UNARY.containsKey(op)) {
        out = operand(stack, lhsType, lhs, symbols).apply(UNARY.get(op));
      } else if (op == 14) {
        out = operand(stack, lhsType, lhs, symbols);
      } else {
        String name =
            switch (op) {
              case 12 -> "ParameterExpression.sign";
              case 13 -> "ParameterExpression.gradient";
              case 15 -> "ParameterExpression.subs";
              default -> "the expression op code " + op;
            };
        throw QpyException.unsupported(name, version);
      }
      stack.push(out);
    }
    if (in.remaining() != 0 || stack.size() != 1) {
      throw new QpyException(
          "QPY expression is malformed: its replay leaves "
              + stack.size()
              + " values (and "
              + in.remaining()
              + " stray bytes) instead of one");
    }
    return stack.pop();
  }

  private static long literalLong(QpyInput data) {
    data.skip(8, "padding");
    return data.i64("int operand");
  }

  private ParameterExpression operand(
      Deque<ParameterExpression> stack, char type, byte[] bytes, Map<UUID, Parameter> symbols) {
    QpyInput data = new QpyInput(bytes);
    return switch (type) {
      case 'n' -> {
        if (stack.isEmpty()) {
          throw new QpyException(
              "QPY expression is malformed: an operand refers to a value before any was computed");
        }
        yield stack.pop();
      }
      case 'p' -> {
        UUID uuid = data.uuid("parameter operand");
        Parameter p = symbols.get(uuid);
        if (p == null) {
          throw new QpyException(
              "QPY expression refers to parameter " + uuid + " missing from its symbol table");
        }
        yield p;
      }
      case 'f' -> {
        data.skip(8, "padding");
        yield ParameterExpression.of(data.f64("float operand"));
      }
      case 'i' -> ParameterExpression.of(literalLong(data));
      case 'c' ->
          real(data.f64("complex operand"), data.f64("complex operand"), "an expression operand");
      default ->
          throw new QpyException(
              "QPY expression operand type '" + type + "' is unknown or misplaced");
    };
  }

  // ---- writing

  /** Writes {@code e} as a generic typed value: its type key and payload. */
  void write(QpyOutput out, ParameterExpression e, boolean littleEndian) {
    QpyOutput payload = new QpyOutput();
    char type =
        switch (e) {
          case Constant c -> {
            if (littleEndian) {
              payload.f64LittleEndian(c.value());
            } else {
              payload.f64(c.value());
            }
            yield 'f';
          }
          case Parameter p -> {
            writeParameter(payload, p);
            yield 'p';
          }
          default -> {
            writeExpression(payload, e);
            yield 'e';
          }
        };
    writeTyped(out, type, payload);
  }

  static void writeTyped(QpyOutput out, char type, QpyOutput payload) {
    out.u8(type).i64(payload.size()).bytes(payload.toByteArray());
  }

  static void writeParameter(QpyOutput out, Parameter p) {
    byte[] name = QpyOutput.utf8(p.name());
    out.u16(name.length).uuid(p.uuid()).bytes(name);
  }

  private static void writeExpression(QpyOutput out, ParameterExpression e) {
    QpyOutput replay = new QpyOutput();
    emit(replay, e);
    out.i64(e.parameters().size()).i64(replay.size()).bytes(replay.toByteArray());
    for (Parameter p : e.parameters()) {
      out.u8('p').u8('p').i64(0);
      writeParameter(out, p);
    }
  }

  /**
   * An operand as it sits in an element: a type key and 16 bytes; {@code n} for "the last result".
   */
  private record Operand(char type, long high, long low) {
    static final Operand RESULT = new Operand('n', 0, 0);
  }

  private static Operand emit(QpyOutput out, ParameterExpression e) {
    switch (e) {
      case Parameter p -> {
        return new Operand(
            'p', p.uuid().getMostSignificantBits(), p.uuid().getLeastSignificantBits());
      }
      case Constant c -> {
        return new Operand('f', 0, Double.doubleToRawLongBits(c.value()));
      }
      case Unary u -> {
        Operand x = emit(out, u.operand());
        if (u.function() == Function.NEG) {
          element(out, MUL, x, new Operand('i', 0, -1));
        } else if (u.function() == Function.SQRT) {
          element(out, POW, x, new Operand('f', 0, Double.doubleToRawLongBits(0.5)));
        } else {
          element(out, UNARY_CODES.get(u.function()), x, Operand.RESULT);
        }
        return Operand.RESULT;
      }
      case Binary b -> {
        Operand l = emit(out, b.left());
        Operand r = emit(out, b.right());
        int op =
            switch (b.op()) {
              case ADD -> ADD;
              case SUB -> SUB;
              case MUL -> MUL;
              case DIV -> DIV;
              case POW -> POW;
            };
        boolean reversed =
            l.type != 'n' && r.type == 'n' && b.op() != BinaryOp.ADD && b.op() != BinaryOp.MUL;
        if (reversed) {
          element(out, op == SUB ? RSUB : op == DIV ? RDIV : RPOW, Operand.RESULT, l);
        } else {
          element(out, op, l, r);
        }
        return Operand.RESULT;
      }
    }
  }

  private static void element(QpyOutput out, int op, Operand lhs, Operand rhs) {
    out.u8(op).u8(lhs.type).i64(lhs.high).i64(lhs.low).u8(rhs.type).i64(rhs.high).i64(rhs.low);
  }
}
