package io.qserverless.quantum.simulator.internal;

import io.qserverless.quantum.circuit.Barrier;
import io.qserverless.quantum.circuit.BreakLoop;
import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.ClassicalExpr;
import io.qserverless.quantum.circuit.ClassicalVar;
import io.qserverless.quantum.circuit.Condition;
import io.qserverless.quantum.circuit.ContinueLoop;
import io.qserverless.quantum.circuit.Delay;
import io.qserverless.quantum.circuit.DiscardedMeasure;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.IfElse;
import io.qserverless.quantum.circuit.Measure;
import io.qserverless.quantum.circuit.Operation;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.Reset;
import io.qserverless.quantum.circuit.SetBit;
import io.qserverless.quantum.circuit.Store;
import io.qserverless.quantum.circuit.WhileLoop;
import io.qserverless.quantum.simulator.Precision;
import io.qserverless.quantum.simulator.SimulatorException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Runs a circuit with measurements, resets, classical conditions and while loops.
 *
 * <p>Terminal measurements (nothing later touches the qubit or the clbit) are not simulated: at the
 * end their clbits are read off the final state's probabilities, so a circuit measured only at the
 * end is simulated once, whatever the number of shots. Every other measurement or reset splits the
 * run: {@link #walk} follows both outcomes with their probabilities (exact mode, the state copied
 * per branch) or draws one with the RNG (trajectory mode).
 *
 * <p>While loops are flattened into a program with jumps ({@link Step}): a test before each pass
 * and a jump back after it, so each branch runs as many passes as its own bits say. In exact mode a
 * branch about to start another pass with probability below {@link #LOOP_CUTOFF} is dropped (its
 * probability is added to {@link #truncated()}); a run that makes more than {@link
 * #MAX_LOOP_PASSES} passes is refused as endless. An {@link IfElse} becomes a conditional jump over
 * its first body; each branch carries its own values of the circuit's {@link ClassicalVar}s, which
 * {@link Store} writes and conditions read.
 */
public final class CircuitRunner {
  /** Outcomes below this probability are treated as impossible (rounding residue). */
  static final double EPS = 1e-13;

  /** Largest state exact branching copies: 2^20 amplitudes, 16 MiB per branch. */
  public static final int MAX_BRANCHING_QUBITS = 20;

  /** Exact mode stops following a loop's branch once its probability is below this. */
  public static final double LOOP_CUTOFF = 1e-15;

  /** Loop passes one run (one branch, one shot) may make before it is taken for endless. */
  public static final int MAX_LOOP_PASSES = 100_000;

  /** Amplitudes the pending branches of exact mode may hold at once: 512 MiB in double. */
  static final long MAX_PENDING_AMPLITUDES = 1L << 25;

  /** What the runner hands over at the end of each branch. */
  public interface Leaf {
    /** The final state, clbits set by non-terminal measurements, and the branch's probability. */
    void accept(StateEngine state, int clbits, double weight);
  }

  private enum Kind {
    /** Apply the instruction (gate, measurement, reset, ...). */
    RUN,
    /** Enter a loop if the loop instruction's own condition holds, else go to {@code target}. */
    ENTER,
    /**
     * Start another pass if one of {@code loop} holds (or {@code test} is true), else go to {@code
     * target} (the exit).
     */
    TEST,
    /** Go to {@code target} unless the instruction's condition holds and {@code test} is true. */
    UNLESS,
    /** Go to {@code target} if the instruction's condition holds (break, continue, back edge). */
    JUMP
  }

  /** One step of the flattened circuit, its bits in the circuit's global indices. */
  private record Step(
      Kind kind, CircuitInstruction in, List<Condition> loop, ClassicalExpr test, int target) {
    Step(Kind kind, CircuitInstruction in, List<Condition> loop, int target) {
      this(kind, in, loop, null, target);
    }

    Step to(int newTarget) {
      return new Step(kind, in, loop, test, newTarget);
    }
  }

  private final QuantumCircuit circuit;
  private final Precision precision;
  private final List<Step> program = new ArrayList<>();
  private final boolean[] terminal;

  /** Each classical variable's slot in a branch's values. */
  private final Map<ClassicalVar, Integer> vars = new HashMap<>();

  private final boolean branches;
  private int leaves;
  private int maxLeaves = Integer.MAX_VALUE;
  private double truncated;

  public CircuitRunner(QuantumCircuit circuit) {
    this(circuit, Precision.DOUBLE);
  }

  public CircuitRunner(QuantumCircuit circuit, Precision precision) {
    if (circuit.numClbits() > 31) {
      throw new SimulatorException(
          "circuit '"
              + circuit.name()
              + "' has "
              + circuit.numClbits()
              + " clbits: the simulator's outcomes are int keys, so at most 31 clbits");
    }
    if (circuit.isParameterized()) {
      throw new SimulatorException(
          "circuit '"
              + circuit.name()
              + "' has unbound parameters "
              + circuit.parameters()
              + ": bind them with assignParameters or pass parameter values");
    }
    this.circuit = circuit;
    this.precision = precision;
    List<Boolean> inLoop = new ArrayList<>();
    compile(circuit.data(), null, null, -1, null, false, inLoop);
    this.terminal = new boolean[program.size()];
    boolean[] qubitTouched = new boolean[circuit.numQubits()];
    boolean[] clbitUsed = new boolean[circuit.numClbits()];
    boolean split = false;
    for (int i = program.size() - 1; i >= 0; i--) {
      Step s = program.get(i);
      if (s.test() != null) {
        markRead(s.test(), clbitUsed);
      }
      if (s.kind() == Kind.TEST) {
        split = true;
        s.loop().forEach(c -> markRead(c, clbitUsed));
        continue;
      }
      CircuitInstruction in = s.in();
      Operation op = in.operation();
      if (s.kind() == Kind.UNLESS || op instanceof Store) {
        split = true;
      }
      if (op instanceof Measure) {
        terminal[i] =
            !inLoop.get(i)
                && !qubitTouched[in.qubit(0)]
                && !clbitUsed[in.clbit(0)]
                && in.condition() == null;
        split |= !terminal[i];
      } else if (op instanceof Reset || op instanceof DiscardedMeasure) {
        split = true;
      }
      if (s.kind() == Kind.RUN && !(op instanceof Barrier)) {
        for (int q : in.qubits()) {
          qubitTouched[q] = true;
        }
        for (int c : in.clbits()) {
          clbitUsed[c] = true;
        }
      }
      if (in.condition() != null) {
        split = true;
        markRead(in.condition(), clbitUsed);
      }
    }
    this.branches = split;
  }

  private static void markRead(Condition c, boolean[] clbitUsed) {
    for (int b : c.clbits()) {
      clbitUsed[b] = true;
    }
  }

  private static void markRead(ClassicalExpr e, boolean[] clbitUsed) {
    e.forEachClbit(b -> clbitUsed[b] = true);
  }

  /** Gives each variable {@code e} reads a slot. */
  private ClassicalExpr slotted(ClassicalExpr e) {
    switch (e) {
      case ClassicalExpr.Read r -> vars.putIfAbsent(r.var(), vars.size());
      case ClassicalExpr.Unary u -> slotted(u.operand());
      case ClassicalExpr.Binary b -> {
        slotted(b.left());
        slotted(b.right());
      }
      case ClassicalExpr.Constant c -> {}
      case ClassicalExpr.Clbits c -> {}
    }
    return e;
  }

  private static ClassicalExpr mapped(ClassicalExpr e, int[] clbits) {
    return clbits == null ? e : e.mapClbits(b -> clbits[b]);
  }

  /**
   * Appends {@code data} to the program, its bits mapped through {@code qubits} / {@code clbits}
   * (null: as they are); {@code test} is the innermost loop's test step (-1 outside loops), {@code
   * breaks} collects that loop's break steps, whose exit is known only once its body is compiled;
   * {@code nested}: inside a loop or an if/else, where no measurement is terminal.
   */
  private void compile(
      List<CircuitInstruction> data,
      int[] qubits,
      int[] clbits,
      int test,
      List<Integer> breaks,
      boolean nested,
      List<Boolean> inLoop) {
    for (CircuitInstruction original : data) {
      CircuitInstruction in = mapped(original, qubits, clbits);
      Operation op = in.operation();
      switch (op) {
        case WhileLoop w -> {
          int enter = add(new Step(Kind.ENTER, in, null, -1), nested, inLoop);
          List<Condition> loop = w.conditions().stream().map(c -> mapped(c, in.clbits())).toList();
          ClassicalExpr loopCondition =
              w.test() == null ? null : slotted(mapped(w.test(), in.clbits()));
          int loopTest = add(new Step(Kind.TEST, in, loop, loopCondition, -1), nested, inLoop);
          List<Integer> loopBreaks = new ArrayList<>();
          compile(w.body().data(), in.qubits(), in.clbits(), loopTest, loopBreaks, true, inLoop);
          add(new Step(Kind.JUMP, in.withCondition(null), null, loopTest), true, inLoop);
          int exit = program.size();
          program.set(enter, program.get(enter).to(exit));
          program.set(loopTest, program.get(loopTest).to(exit));
          loopBreaks.forEach(b -> program.set(b, program.get(b).to(exit)));
        }
        case IfElse f -> {
          ClassicalExpr condition = slotted(mapped(f.condition(), in.clbits()));
          int unless = add(new Step(Kind.UNLESS, in, null, condition, -1), nested, inLoop);
          compile(f.then().data(), in.qubits(), in.clbits(), test, breaks, true, inLoop);
          int skip = add(new Step(Kind.JUMP, in.withCondition(null), null, -1), true, inLoop);
          program.set(unless, program.get(unless).to(program.size()));
          compile(f.otherwise().data(), in.qubits(), in.clbits(), test, breaks, true, inLoop);
          program.set(skip, program.get(skip).to(program.size()));
        }
        case Store st -> {
          vars.putIfAbsent(st.var(), vars.size());
          ClassicalExpr value = slotted(mapped(st.value(), clbits));
          add(new Step(Kind.RUN, in, null, value, -1), nested, inLoop);
        }
        case BreakLoop b ->
            breaks(in, test, breaks).add(add(new Step(Kind.JUMP, in, null, -1), nested, inLoop));
        case ContinueLoop c -> {
          breaks(in, test, breaks);
          add(new Step(Kind.JUMP, in, null, test), nested, inLoop);
        }
        case Gate g -> add(new Step(Kind.RUN, in, null, -1), nested, inLoop);
        case Measure m -> add(new Step(Kind.RUN, in, null, -1), nested, inLoop);
        case DiscardedMeasure m -> add(new Step(Kind.RUN, in, null, -1), nested, inLoop);
        case Reset r -> add(new Step(Kind.RUN, in, null, -1), nested, inLoop);
        case Barrier b -> add(new Step(Kind.RUN, in, null, -1), nested, inLoop);
        case Delay d -> add(new Step(Kind.RUN, in, null, -1), nested, inLoop);
        case SetBit b -> add(new Step(Kind.RUN, in, null, -1), nested, inLoop);
      }
    }
  }

  private int add(Step s, boolean nested, List<Boolean> inLoop) {
    program.add(s);
    inLoop.add(nested);
    return program.size() - 1;
  }

  /** The break list of the enclosing loop; refuses a break or continue outside any loop. */
  private List<Integer> breaks(CircuitInstruction in, int test, List<Integer> breaks) {
    if (test < 0) {
      throw new SimulatorException(
          "circuit '"
              + circuit.name()
              + "' has a '"
              + in.operation().name()
              + "' outside any while loop; put it inside the loop's body");
    }
    return breaks;
  }

  private static CircuitInstruction mapped(CircuitInstruction in, int[] qubits, int[] clbits) {
    if (qubits == null) {
      return in;
    }
    Condition c = in.condition() == null ? null : mapped(in.condition(), clbits);
    return new CircuitInstruction(
        in.operation(), map(in.qubits(), qubits), map(in.clbits(), clbits), c);
  }

  private static Condition mapped(Condition c, int[] clbits) {
    return clbits == null ? c : new Condition(null, map(c.clbits(), clbits), c.value());
  }

  private static int[] map(int[] indices, int[] to) {
    int[] out = new int[indices.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = to[indices[i]];
    }
    return out;
  }

  public QuantumCircuit circuit() {
    return circuit;
  }

  /** True if the run may split (mid-circuit measurement, reset, condition or loop). */
  public boolean branches() {
    return branches;
  }

  /** The probability of the loop branches exact mode dropped (below {@link #LOOP_CUTOFF} each). */
  public double truncated() {
    return truncated;
  }

  /** Terminal measurements as pairs (qubit, clbit). */
  public int[][] terminalMeasurements() {
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < program.size(); i++) {
      if (terminal[i]) {
        CircuitInstruction in = program.get(i).in();
        pairs.add(new int[] {in.qubit(0), in.clbit(0)});
      }
    }
    return pairs.toArray(int[][]::new);
  }

  /** Exact mode: every branch with non-zero probability reaches {@code leaf}; at most maxLeaves. */
  public void runExact(int maxLeaves, Leaf leaf) {
    this.maxLeaves = maxLeaves;
    this.leaves = 0;
    this.truncated = 0;
    StateEngine e = new StateEngine(circuit.numQubits(), precision);
    e.addGlobalPhase(circuit.globalPhase().evaluate());
    walk(e, 0, 0, new long[vars.size()], 1, 1, 0, 1, null, leaf);
  }

  /** Trajectory mode: one run, measurement outcomes drawn from {@code rnd}. */
  public void runTrajectory(RandomGenerator rnd, Leaf leaf) {
    StateEngine e = new StateEngine(circuit.numQubits(), precision);
    e.addGlobalPhase(circuit.globalPhase().evaluate());
    walk(e, 0, 0, new long[vars.size()], 1, 1, 0, 1, rnd, leaf);
  }

  /** A loop's test: none means forever (until a break). */
  private boolean anyHolds(Step s, int clbits, long[] values) {
    List<Condition> conditions = s.loop();
    if (s.test() != null) {
      return value(s.test(), clbits, values) != 0;
    }
    if (conditions.isEmpty()) {
      return true;
    }
    for (Condition c : conditions) {
      if (c.test(clbits)) {
        return true;
      }
    }
    return false;
  }

  private static boolean holds(Condition c, int clbits) {
    return c == null || c.test(clbits);
  }

  private long value(ClassicalExpr e, int clbits, long[] values) {
    try {
      return e.evaluate(clbits & 0xFFFFFFFFL, v -> values[vars.get(v)]);
    } catch (ArithmeticException x) {
      throw new SimulatorException("circuit '" + circuit.name() + "': " + x.getMessage());
    }
  }

  private void walk(
      StateEngine e,
      int from,
      int clbits,
      long[] values,
      double weight,
      double norm,
      int passes,
      int pending,
      RandomGenerator rnd,
      Leaf leaf) {
    for (int pc = from; pc < program.size(); pc++) {
      Step s = program.get(pc);
      CircuitInstruction in = s.in();
      switch (s.kind()) {
        case ENTER, JUMP -> {
          if (holds(in.condition(), clbits) == (s.kind() == Kind.JUMP)) {
            pc = s.target() - 1;
          }
          continue;
        }
        case UNLESS -> {
          if (!holds(in.condition(), clbits) || value(s.test(), clbits, values) == 0) {
            pc = s.target() - 1;
          }
          continue;
        }
        case TEST -> {
          if (!anyHolds(s, clbits, values)) {
            pc = s.target() - 1;
          } else if (++passes > MAX_LOOP_PASSES) {
            throw new SimulatorException(
                "circuit '"
                    + circuit.name()
                    + "': a while loop made more than "
                    + MAX_LOOP_PASSES
                    + " passes in one run (of probability "
                    + weight
                    + ") without its condition turning false; make sure the loop ends, e.g."
                    + " by measuring into the bits its condition reads");
          } else if (rnd == null && weight < LOOP_CUTOFF) {
            truncated += weight;
            countLeaf();
            return;
          } else {
            norm = squaredNorm(e);
          }
          continue;
        }
        case RUN -> {}
      }
      if (in.condition() != null && !in.condition().test(clbits)) {
        continue;
      }
      Operation op = in.operation();
      if (op instanceof Gate g) {
        e.apply(g, in.qubits());
      } else if (op instanceof Store st) {
        values[vars.get(st.var())] = st.var().wrap(value(s.test(), clbits, values));
      } else if (op instanceof SetBit b) {
        clbits = b.value() == 1 ? clbits | 1 << in.clbit(0) : clbits & ~(1 << in.clbit(0));
      } else if ((op instanceof Measure && !terminal[pc])
          || op instanceof Reset
          || op instanceof DiscardedMeasure) {
        boolean reset = op instanceof Reset;
        int bit = op instanceof Measure ? 1 << in.clbit(0) : 0;
        int q = in.qubit(0);
        double one = Math.min(norm, Math.max(0, e.probabilityOne(q)));
        double p1 = one / norm;
        double p0 = 1 - p1;
        int outcome;
        if (p1 <= EPS) {
          outcome = 0;
        } else if (p0 <= EPS) {
          outcome = 1;
        } else if (rnd == null) {
          checkCopy(e, pc, pending);
          StateEngine other = e.copy();
          other.collapse(q, 1, one, reset);
          walk(
              other,
              pc + 1,
              clbits | bit,
              values.clone(),
              weight * p1,
              1,
              passes,
              pending + 1,
              null,
              leaf);
          outcome = 0;
          weight *= p0;
        } else {
          outcome = rnd.nextDouble() < p1 ? 1 : 0;
        }
        double p = outcome == 1 ? p1 : p0;
        if (p < 1 || (reset && outcome == 1)) {
          // divided by the outcome's share of the state's own norm, so the norm is 1 again
          e.collapse(q, outcome, outcome == 1 ? one : norm - one, reset);
          norm = 1;
        }
        clbits = outcome == 1 ? clbits | bit : clbits & ~bit;
      }
    }
    if (rnd == null) {
      countLeaf();
    }
    leaf.accept(e, clbits, weight);
  }

  /**
   * The state's squared norm, which rounding moves off 1. A loop measures again and again, and each
   * collapse divided by a probability computed as if the norm were 1 would double that drift (2^50
   * after 50 passes), so each pass starts from the norm as it is.
   */
  private static double squaredNorm(StateEngine e) {
    e.settle();
    double sum = 0;
    for (int i = 0, dim = 1 << e.numQubits(); i < dim; i++) {
      sum += e.probability(i);
    }
    return sum;
  }

  private void checkCopy(StateEngine e, int pc, int pending) {
    if (e.numQubits() > MAX_BRANCHING_QUBITS) {
      throw new TooManyBranchesException(
          "the measurement or reset at step "
              + pc
              + " splits a "
              + e.numQubits()
              + "-qubit state; exact branching copies the state, so it is limited to "
              + MAX_BRANCHING_QUBITS
              + " qubits: run the circuit with shots to sample instead");
    }
    if ((long) (pending + 1) << e.numQubits() > MAX_PENDING_AMPLITUDES) {
      throw new TooManyBranchesException(
          "exact branching would hold "
              + (pending + 1)
              + " copies of a "
              + e.numQubits()
              + "-qubit state at once: run the circuit with shots to sample instead");
    }
  }

  private void countLeaf() {
    if (++leaves > maxLeaves) {
      throw new TooManyBranchesException(
          "the circuit's mid-circuit measurements give more than "
              + maxLeaves
              + " outcome branches: run it with shots to sample instead of computing exactly");
    }
  }

  /** Exact branching stopped: too many branches, or a branch of a state too large to copy. */
  public static final class TooManyBranchesException extends SimulatorException {
    TooManyBranchesException(String message) {
      super(message);
    }
  }
}
