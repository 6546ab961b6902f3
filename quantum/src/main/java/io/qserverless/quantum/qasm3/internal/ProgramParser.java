package io.qserverless.quantum.qasm3.internal;

import static io.qserverless.quantum.qasm3.internal.Syntax.error;

import io.qserverless.quantum.qasm2.QasmParseException;
import io.qserverless.quantum.qasm2.internal.GateHeader;
import io.qserverless.quantum.qasm2.internal.Lexer;
import io.qserverless.quantum.qasm2.internal.Statement;
import io.qserverless.quantum.qasm2.internal.Token;
import io.qserverless.quantum.qasm2.internal.Token.Kind;
import io.qserverless.quantum.qasm2.internal.TokenStream;
import io.qserverless.quantum.qasm3.internal.Syntax.Expr;
import io.qserverless.quantum.qasm3.internal.Syntax.Stmt;
import io.qserverless.quantum.qasm3.internal.Syntax.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads OpenQASM 3 statements: declarations of qubits and classical variables, gates, subroutines,
 * control flow, measurement and timing. Checks syntax only; names, types and sizes are checked when
 * the {@link Unroller} runs the program. Pulse-level and external features are refused here, at
 * their keyword, since nothing later could give them a meaning.
 */
public final class ProgramParser {

  /** Blocks nested deeper than this are refused (each level recurses here and in the unroller). */
  static final int MAX_NESTING = 64;

  private static final Set<String> MODIFIERS = Set.of("ctrl", "negctrl", "inv", "pow");

  static final Map<String, Type.Kind> TYPES =
      Map.ofEntries(
          Map.entry("bit", Type.Kind.BIT),
          Map.entry("int", Type.Kind.INT),
          Map.entry("uint", Type.Kind.UINT),
          Map.entry("float", Type.Kind.FLOAT),
          Map.entry("angle", Type.Kind.ANGLE),
          Map.entry("bool", Type.Kind.BOOL),
          Map.entry("complex", Type.Kind.COMPLEX),
          Map.entry("duration", Type.Kind.DURATION),
          Map.entry("stretch", Type.Kind.STRETCH),
          Map.entry("array", Type.Kind.ARRAY));

  /** Features refused with the reason and the way out. */
  private static final Map<String, String> REFUSED =
      Map.of(
          "extern",
          "'extern' declares a function that runs outside the program, which this reader cannot"
              + " call; compute the value in the program or pass it as an 'input'",
          "defcal",
          "'defcal' pulse calibrations are not simulated; remove it, the gate's own definition is"
              + " what runs",
          "cal",
          "'cal' pulse blocks are not simulated; remove the block",
          "defcalgrammar",
          "'defcalgrammar' selects a pulse grammar, and pulse programs are not simulated; remove"
              + " it",
          "opaque",
          "'opaque' is OpenQASM 2 only; declare the gate with a 'gate' body instead",
          "pragma",
          "pragmas are not supported; remove the line");

  private final TokenStream in;
  private final Expressions expressions;
  private int nesting;

  private ProgramParser(TokenStream in) {
    this.in = in;
    this.expressions = new Expressions(in);
  }

  /**
   * A parsed program: its statements, and one more than the highest hardware qubit {@code $n} it
   * names (0 if none), which sizes the register those qubits become.
   */
  record Program(List<Stmt> statements, int hardwareQubits) {}

  /** The statements of {@code text}, after an optional {@code OPENQASM 3[.x];} header. */
  static Program parse(String text, String source) {
    List<Token> tokens;
    try {
      tokens = Lexer.tokenize(text, source);
    } catch (QasmParseException e) {
      // Pulse code ('play drive($0), gaussian(...)') does not lex; name the feature instead.
      refusedBefore(text, source, e);
      throw e;
    }
    int hardwareQubits = 0;
    for (Token t : tokens) {
      if (t.kind() == Kind.IDENTIFIER && t.text().matches("\\$\\d{1,6}")) {
        hardwareQubits = Math.max(hardwareQubits, Integer.parseInt(t.text().substring(1)) + 1);
      }
    }
    TokenStream in = new TokenStream(tokens);
    if (in.accept("OPENQASM")) {
      Token number = in.peek();
      if (number.kind() != Kind.REAL && number.kind() != Kind.INTEGER) {
        throw in.expected("a version number such as 3.0");
      }
      in.next();
      if (!number.text().startsWith("3")) {
        throw in.error(
            number,
            "this reader reads OpenQASM 3 but the program declares version "
                + number.text()
                + "; use Qasm"
                + number.text().charAt(0)
                + " for it");
      }
      in.expect(";");
    }
    ProgramParser parser = new ProgramParser(in);
    List<Stmt> program = new ArrayList<>();
    while (!in.atEnd()) {
      if (!in.accept(";")) {
        program.add(parser.statement());
      }
    }
    return new Program(program, hardwareQubits);
  }

  /** Throws the refusal of the first refused keyword before the spot the lexer stopped at. */
  private static void refusedBefore(String text, String source, QasmParseException e) {
    int offset = 0;
    for (int line = 1; line < e.line(); line++) {
      offset = text.indexOf('\n', offset) + 1;
    }
    offset += e.column() - 1;
    for (Token t : Lexer.tokenize(text.substring(0, Math.min(offset, text.length())), source)) {
      if (t.kind() == Kind.IDENTIFIER && REFUSED.containsKey(t.text())) {
        throw error(t, REFUSED.get(t.text()));
      }
    }
  }

  private Stmt statement() {
    Token t = in.peek();
    if (t.is("{")) {
      return new Syntax.Block(block(), t);
    }
    if (t.kind() != Kind.IDENTIFIER) {
      throw in.expected("a statement");
    }
    String refusal = REFUSED.get(t.text());
    if (refusal != null) {
      throw error(t, refusal);
    }
    if (TYPES.containsKey(t.text()) && !in.peek(1).is("(")) {
      return declaration(Syntax.Io.NONE, false);
    }
    return switch (t.text()) {
      case "include" -> {
        in.next();
        String file = in.expect(Kind.STRING, "a file name in quotes").text();
        in.expect(";");
        yield new Syntax.Include(file, t);
      }
      case "qubit", "qreg" -> qubits();
      case "let" -> {
        in.next();
        String name = in.identifier("an alias name");
        in.expect("=");
        Expr target = expressions.operand();
        in.expect(";");
        yield new Syntax.Alias(name, target, t);
      }
      case "creg" -> {
        in.next();
        String name = in.identifier("a register name");
        Expr size = null;
        if (in.accept("[")) {
          size = expressions.expression();
          in.expect("]");
        }
        in.expect(";");
        yield new Syntax.Declaration(
            new Type(Type.Kind.BIT, size, null, List.of(), t),
            name,
            null,
            Syntax.Io.NONE,
            false,
            t);
      }
      case "const" -> {
        in.next();
        yield declaration(Syntax.Io.NONE, true);
      }
      case "input", "output" -> {
        in.next();
        yield declaration(t.is("input") ? Syntax.Io.INPUT : Syntax.Io.OUTPUT, false);
      }
      case "gate" -> gateDefinition();
      case "def" -> subroutine();
      case "measure" -> {
        in.next();
        Expr qubit = expressions.operand();
        Expr target = in.accept("->") ? expressions.operand() : null;
        in.expect(";");
        yield new Syntax.MeasureStatement(target, qubit, t);
      }
      case "reset" -> {
        in.next();
        Expr qubit = expressions.operand();
        in.expect(";");
        yield new Syntax.Reset(qubit, t);
      }
      case "barrier" -> {
        in.next();
        List<Expr> qubits = in.peek().is(";") ? List.of() : operands();
        in.expect(";");
        yield new Syntax.Barrier(qubits, t);
      }
      case "delay" -> {
        in.next();
        in.expect("[");
        Expr duration = expressions.expression();
        String unit = in.peek().kind() == Kind.IDENTIFIER ? in.next().text() : null;
        in.expect("]");
        List<Expr> qubits = in.peek().is(";") ? List.of() : operands();
        in.expect(";");
        yield new Syntax.Delay(duration, unit, qubits, t);
      }
      case "box" -> {
        in.next();
        if (in.accept("[")) {
          expressions.expression();
          in.expect("]");
        }
        yield new Syntax.Block(block(), t);
      }
      case "if" -> {
        in.next();
        Expr condition = condition();
        List<Stmt> then = body();
        List<Stmt> otherwise = in.accept("else") ? body() : List.of();
        yield new Syntax.If(condition, then, otherwise, t);
      }
      case "for" -> loop();
      case "while" -> {
        in.next();
        Expr condition = condition();
        yield new Syntax.While(condition, body(), t);
      }
      case "break", "continue" -> {
        in.next();
        in.expect(";");
        yield t.is("break") ? new Syntax.Break(t) : new Syntax.Continue(t);
      }
      case "return" -> {
        in.next();
        Expr value = null;
        if (!in.peek().is(";")) {
          value = in.peek().is("measure") ? expressions.measure() : expressions.expression();
        }
        in.expect(";");
        yield new Syntax.Return(value, t);
      }
      case "switch" -> switchStatement();
      default -> callOrAssignment();
    };
  }

  private Stmt qubits() {
    Token at = in.next();
    Expr size = null;
    String name;
    if (at.is("qreg")) {
      name = in.identifier("a register name");
      if (in.accept("[")) {
        size = expressions.expression();
        in.expect("]");
      }
    } else {
      if (in.accept("[")) {
        size = expressions.expression();
        in.expect("]");
      }
      name = in.identifier("a register name");
    }
    in.expect(";");
    return new Syntax.QubitDeclaration(name, size, at);
  }

  private Stmt declaration(Syntax.Io io, boolean constant) {
    Token at = in.peek();
    Type type = expressions.type();
    String name = in.identifier("a variable name");
    Expr init = null;
    if (in.accept("=")) {
      init = in.peek().is("measure") ? expressions.measure() : expressions.expression();
    }
    in.expect(";");
    return new Syntax.Declaration(type, name, init, io, constant, at);
  }

  private Stmt gateDefinition() {
    GateHeader head = GateHeader.read(in, "{");
    return new Syntax.GateDefinition(
        head.name(), head.parameters(), head.qubits(), block(), head.at());
  }

  private Stmt subroutine() {
    Token at = in.next();
    String name = in.identifier("a subroutine name");
    in.expect("(");
    List<Syntax.Argument> arguments = new ArrayList<>();
    if (!in.accept(")")) {
      do {
        Token argumentAt = in.peek();
        in.accept("readonly");
        boolean mutable = in.accept("mutable");
        Type type = expressions.type();
        arguments.add(
            new Syntax.Argument(type, in.identifier("an argument name"), mutable, argumentAt));
      } while (in.accept(","));
      in.expect(")");
    }
    Type result = in.accept("->") ? expressions.type() : null;
    return new Syntax.Subroutine(name, arguments, result, block(), at);
  }

  private Stmt loop() {
    Token at = in.next();
    Type type = null;
    if (!in.peek(1).is("in")) {
      type = expressions.type();
    }
    String variable = in.identifier("a loop variable name");
    in.expect("in");
    Expr iterable;
    if (in.peek().is("[")) {
      Token rangeAt = in.next();
      iterable = expressions.range(rangeAt);
      in.expect("]");
    } else {
      iterable = expressions.expression();
    }
    return new Syntax.For(type, variable, iterable, body(), at);
  }

  private Stmt switchStatement() {
    Token at = in.next();
    Expr subject = condition();
    in.expect("{");
    List<Syntax.Case> cases = new ArrayList<>();
    List<Stmt> otherwise = null;
    while (!in.accept("}")) {
      Token caseAt = in.peek();
      if (in.accept("default")) {
        if (otherwise != null) {
          throw error(caseAt, "'switch' has two 'default' cases; keep one");
        }
        otherwise = block();
      } else {
        in.expect("case");
        List<Expr> values = new ArrayList<>();
        do {
          values.add(expressions.expression());
        } while (in.accept(","));
        cases.add(new Syntax.Case(values, block(), caseAt));
      }
    }
    return new Syntax.Switch(subject, cases, otherwise == null ? List.of() : otherwise, at);
  }

  private Stmt callOrAssignment() {
    Token at = in.peek();
    if (MODIFIERS.contains(at.text()) && (in.peek(1).is("@") || in.peek(1).is("("))) {
      return gateCall(modifiers(), at);
    }
    if (in.peek(1).is("(")) {
      // 'name(args);' calls a subroutine; 'name(args) qubits;' applies a gate.
      return gateCall(List.of(), at);
    }
    Token second = in.peek(1);
    if (second.is("[") || second.is("=") || Expressions.ASSIGNMENTS.contains(second.text())) {
      Expr target = expressions.operand();
      Token op = in.next();
      if (!op.is("=") && !Expressions.ASSIGNMENTS.contains(op.text())) {
        throw error(
            op, "expected '=' or a compound assignment such as '+=' but found " + op.describe());
      }
      if (op.is("=") && in.peek().is("measure")) {
        Token measureAt = in.next();
        Expr qubit = expressions.operand();
        in.expect(";");
        return new Syntax.MeasureStatement(target, qubit, measureAt);
      }
      Expr value = expressions.expression();
      in.expect(";");
      return new Syntax.Assignment(target, op.text(), value, at);
    }
    return gateCall(List.of(), at);
  }

  private List<Syntax.Modifier> modifiers() {
    List<Syntax.Modifier> modifiers = new ArrayList<>();
    while (MODIFIERS.contains(in.peek().text()) && (in.peek(1).is("@") || in.peek(1).is("("))) {
      Token at = in.next();
      Expr argument = null;
      if (!at.is("inv") && in.accept("(")) {
        argument = expressions.expression();
        in.expect(")");
      } else if (at.is("pow")) {
        throw in.expected("'(' with the power, as in pow(2) @");
      }
      in.expect("@");
      modifiers.add(
          new Syntax.Modifier(
              Statement.Modifier.Kind.valueOf(at.text().toUpperCase()), argument, at));
    }
    return modifiers;
  }

  private Stmt gateCall(List<Syntax.Modifier> modifiers, Token at) {
    String name = in.identifier(modifiers.isEmpty() ? "a statement" : "a gate name");
    List<Expr> arguments = new ArrayList<>();
    boolean parenthesised = in.accept("(");
    if (parenthesised && !in.accept(")")) {
      do {
        arguments.add(expressions.expression());
      } while (in.accept(",") && !in.peek().is(")"));
      in.expect(")");
    }
    if (in.accept(";")) {
      if (parenthesised && modifiers.isEmpty() && !name.equals("gphase")) {
        return new Syntax.ExpressionStatement(new Syntax.Call(name, arguments, at), at);
      }
      return new Syntax.GateCall(modifiers, name, arguments, List.of(), at);
    }
    List<Expr> operands = operands();
    in.expect(";");
    return new Syntax.GateCall(modifiers, name, arguments, operands, at);
  }

  private List<Expr> operands() {
    List<Expr> operands = new ArrayList<>();
    do {
      operands.add(expressions.operand());
    } while (in.accept(",") && !in.peek().is(";"));
    return operands;
  }

  private Expr condition() {
    in.expect("(");
    Expr condition = expressions.expression();
    in.expect(")");
    return condition;
  }

  /** A braced block, or a single statement, as the body of if/else/for/while. */
  private List<Stmt> body() {
    if (in.peek().is("{")) {
      return block();
    }
    enter();
    Stmt single = statement();
    nesting--;
    return List.of(single);
  }

  private List<Stmt> block() {
    Token open = in.expect("{");
    enter();
    List<Stmt> body = new ArrayList<>();
    while (!in.accept("}")) {
      if (in.atEnd()) {
        throw error(open, "this '{' is never closed; add '}'");
      }
      if (!in.accept(";")) {
        body.add(statement());
      }
    }
    nesting--;
    return body;
  }

  private void enter() {
    if (++nesting > MAX_NESTING) {
      throw error(
          in.peek(),
          "blocks nest more than " + MAX_NESTING + " deep; move the inner part into a 'def'");
    }
  }
}
