package io.qserverless.quantum.qasm3.internal;

import io.qserverless.quantum.qasm2.QasmParseException;
import io.qserverless.quantum.qasm2.internal.Statement;
import io.qserverless.quantum.qasm2.internal.Token;
import java.util.List;

/**
 * The syntax tree of an OpenQASM 3 program as {@link ProgramParser} reads it: statements and
 * classical expressions, each keeping the token where it starts for later errors.
 */
sealed interface Syntax {

  Token at();

  /** The parse error every step of the OpenQASM 3 reader throws: source, line, column, problem. */
  static QasmParseException error(Token at, String problem) {
    return new QasmParseException(at.source(), at.line(), at.column(), problem);
  }

  /**
   * A classical type: {@code int[32]}, {@code bit[4]}, {@code float}, {@code array[int, 3]}. An
   * array argument written {@code array[int, #dim=3]} has no dimensions and its rank as {@code
   * width}.
   */
  record Type(Kind kind, Expr width, Type element, List<Expr> dimensions, Token at)
      implements Syntax {
    enum Kind {
      BIT,
      INT,
      UINT,
      FLOAT,
      ANGLE,
      BOOL,
      COMPLEX,
      DURATION,
      STRETCH,
      ARRAY,
      QUBIT
    }
  }

  // ---- statements

  sealed interface Stmt extends Syntax {}

  record Include(String file, Token at) implements Stmt {}

  /** {@code let name = qubits;}: another name for some qubits. */
  record Alias(String name, Expr target, Token at) implements Stmt {}

  /** {@code qubit[n] q;}, {@code qubit q;} ({@code size} null) or {@code qreg q[n];}. */
  record QubitDeclaration(String name, Expr size, Token at) implements Stmt {}

  /** {@code [const|input|output] type name [= init];}; {@code creg c[n];} is a bit[n]. */
  record Declaration(Type type, String name, Expr init, Io io, boolean constant, Token at)
      implements Stmt {}

  enum Io {
    NONE,
    INPUT,
    OUTPUT
  }

  record GateDefinition(
      String name, List<String> parameters, List<String> qubits, List<Stmt> body, Token at)
      implements Stmt {}

  /** {@code def name(arguments) -> result { body }}; {@code result} null for none. */
  record Subroutine(String name, List<Argument> arguments, Type result, List<Stmt> body, Token at)
      implements Stmt {}

  /** A subroutine argument: a classical type, or {@code qubit}/{@code qubit[n]}. */
  /** A subroutine argument; {@code mutable} arrays are passed by reference. */
  record Argument(Type type, String name, boolean mutable, Token at) {}

  record GateCall(
      List<Modifier> modifiers, String name, List<Expr> arguments, List<Expr> operands, Token at)
      implements Stmt {}

  /** {@code ctrl(n) @}, {@code negctrl(n) @}, {@code inv @}, {@code pow(e) @}; argument or null. */
  record Modifier(Statement.Modifier.Kind kind, Expr argument, Token at) {}

  /** {@code target = measure qubit;}, {@code measure qubit -> target;} or {@code measure q;}. */
  record MeasureStatement(Expr target, Expr qubit, Token at) implements Stmt {}

  record Reset(Expr qubit, Token at) implements Stmt {}

  record Barrier(List<Expr> qubits, Token at) implements Stmt {}

  /** {@code delay[duration unit] qubits;} ({@code unit} null when the duration carries it). */
  record Delay(Expr duration, String unit, List<Expr> qubits, Token at) implements Stmt {}

  /** {@code target op value;} with {@code op} one of {@code = += -= *= /= ...}. */
  record Assignment(Expr target, String op, Expr value, Token at) implements Stmt {}

  record If(Expr condition, List<Stmt> then, List<Stmt> otherwise, Token at) implements Stmt {}

  /** {@code for type name in iterable { body }}. */
  record For(Type type, String variable, Expr iterable, List<Stmt> body, Token at)
      implements Stmt {}

  record While(Expr condition, List<Stmt> body, Token at) implements Stmt {}

  record Break(Token at) implements Stmt {}

  record Continue(Token at) implements Stmt {}

  record Return(Expr value, Token at) implements Stmt {}

  record Switch(Expr subject, List<Case> cases, List<Stmt> otherwise, Token at) implements Stmt {}

  record Case(List<Expr> values, List<Stmt> body, Token at) {}

  /** A scope: {@code { ... }} or {@code box { ... }} (its timing ignored). */
  record Block(List<Stmt> body, Token at) implements Stmt {}

  /** An expression evaluated for its effect: a subroutine call. */
  record ExpressionStatement(Expr expression, Token at) implements Stmt {}

  // ---- expressions

  sealed interface Expr extends Syntax {}

  /** An integer, real, boolean or bit-string literal. */
  record Literal(Value value, Token at) implements Expr {}

  /** A duration literal such as {@code 100ns}: only delays and timing use it, and it is ignored. */
  record DurationLiteral(double amount, String unit, Token at) implements Expr {}

  record Identifier(String name, Token at) implements Expr {}

  /** {@code $n}. */
  record HardwareQubit(int index, Token at) implements Expr {}

  /** {@code base[i]}, {@code base[a:b]}, {@code base[{1, 3}]}. */
  record Index(Expr base, Expr index, Token at) implements Expr {}

  /** {@code [start : step : end]} (step null for 1; start or end null when left out). */
  record Range(Expr start, Expr step, Expr end, Token at) implements Expr {}

  /** {@code {a, b, c}}: a set to loop over or index with, or an array literal. */
  record SetLiteral(List<Expr> items, Token at) implements Expr {}

  record Unary(String op, Expr operand, Token at) implements Expr {}

  record Binary(String op, Expr left, Expr right, Token at) implements Expr {}

  /** A built-in function or subroutine call. */
  record Call(String name, List<Expr> arguments, Token at) implements Expr {}

  /** {@code type(value)}. */
  record Cast(Type type, Expr value, Token at) implements Expr {}

  /** {@code measure q} as an expression. */
  record Measure(Expr qubit, Token at) implements Expr {}
}
