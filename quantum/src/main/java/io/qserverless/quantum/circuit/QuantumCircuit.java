package io.qserverless.quantum.circuit;

import io.qserverless.quantum.circuit.internal.CircuitDrawer;
import io.qserverless.quantum.circuit.internal.CircuitMetrics;
import io.qserverless.quantum.circuit.internal.CircuitTransforms;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A quantum circuit: registers of qubits and classical bits, an ordered list of {@link
 * CircuitInstruction}s over global bit indices, and a global phase.
 *
 * <p>Usage (a Bell pair, sampled):
 *
 * <pre>{@code
 * QuantumCircuit qc = new QuantumCircuit(2);
 * qc.h(0).cx(0, 1).measureAll();
 * }</pre>
 *
 * <p>Bits are numbered globally in register order: for registers {@code q[2], r[3]} qubit 2 is
 * {@code r[0]}. Gate methods append and return {@code this} for chaining; {@link #compose}, {@link
 * #inverse}, {@link #copy}, {@link #decompose} and {@link #assignParameters} return new circuits.
 * Mutable and not thread-safe: share a {@link #copy()}.
 */
public final class QuantumCircuit extends StandardGateMethods implements Serializable {
  /** Atomic, not a lock: two workers building circuits queued on it. */
  private static final AtomicInteger UNNAMED = new AtomicInteger();

  private final List<Register> registers = new ArrayList<>();
  private final Map<Register, Integer> offsets = new HashMap<>();
  private final List<CircuitInstruction> data = new ArrayList<>();
  private int numQubits;
  private int numClbits;
  private ParameterExpression globalPhase = ParameterExpression.of(0);
  private String name;
  private Map<String, Object> metadata = new LinkedHashMap<>();

  /** A circuit with a quantum register {@code q} of {@code numQubits} qubits (none if 0). */
  public QuantumCircuit(int numQubits) {
    this(numQubits, 0);
  }

  /** A circuit with registers {@code q} and {@code c} (each omitted when of size 0). */
  public QuantumCircuit(int numQubits, int numClbits) {
    this(defaultRegisters(numQubits, numClbits));
  }

  public QuantumCircuit(Register... registers) {
    name = nextName();
    for (Register r : registers) {
      addRegister(r);
    }
  }

  private static Register[] defaultRegisters(int numQubits, int numClbits) {
    if (numQubits < 0 || numClbits < 0) {
      throw new IllegalArgumentException(
          "a circuit cannot have "
              + numQubits
              + " qubits and "
              + numClbits
              + " clbits: use 0 or more");
    }
    List<Register> regs = new ArrayList<>();
    if (numQubits > 0) {
      regs.add(new QuantumRegister(numQubits, "q"));
    }
    if (numClbits > 0) {
      regs.add(new ClassicalRegister(numClbits, "c"));
    }
    return regs.toArray(Register[]::new);
  }

  private static String nextName() {
    return "circuit-" + UNNAMED.getAndIncrement();
  }

  /** Adds a register after the existing bits of its kind; its name must be new. */
  public QuantumCircuit addRegister(Register r) {
    for (Register existing : registers) {
      if (existing.name().equals(r.name())) {
        throw new IllegalArgumentException(
            "register name '"
                + r.name()
                + "' is already used in this circuit: choose another name");
      }
    }
    registers.add(r);
    if (r instanceof QuantumRegister) {
      offsets.put(r, numQubits);
      numQubits += r.size();
    } else {
      offsets.put(r, numClbits);
      numClbits += r.size();
    }
    return this;
  }

  // ---- structure

  public int numQubits() {
    return numQubits;
  }

  public int numClbits() {
    return numClbits;
  }

  /** All registers, in the order added. */
  public List<Register> registers() {
    return Collections.unmodifiableList(registers);
  }

  public List<QuantumRegister> qregs() {
    return registers.stream()
        .filter(QuantumRegister.class::isInstance)
        .map(QuantumRegister.class::cast)
        .toList();
  }

  public List<ClassicalRegister> cregs() {
    return registers.stream()
        .filter(ClassicalRegister.class::isInstance)
        .map(ClassicalRegister.class::cast)
        .toList();
  }

  /** The global index of the register's first bit. */
  public int offsetOf(Register r) {
    Integer offset = offsets.get(r);
    if (offset == null) {
      throw new IllegalArgumentException(
          "register '" + r.name() + "' is not part of circuit '" + name + "'");
    }
    return offset;
  }

  /** The global qubit index of {@code r[i]}. */
  public int qubit(QuantumRegister r, int i) {
    return offsetOf(r) + checkIndex(r, i);
  }

  /** The global clbit index of {@code r[i]}. */
  public int clbit(ClassicalRegister r, int i) {
    return offsetOf(r) + checkIndex(r, i);
  }

  private static int checkIndex(Register r, int i) {
    if (i < 0 || i >= r.size()) {
      throw new IllegalArgumentException(
          "index "
              + i
              + " is outside register "
              + r.name()
              + "["
              + r.size()
              + "]: use 0.."
              + (r.size() - 1));
    }
    return i;
  }

  /** The instructions, in order (read-only view). */
  public List<CircuitInstruction> data() {
    return Collections.unmodifiableList(data);
  }

  public int size() {
    return data.size();
  }

  public String name() {
    return name;
  }

  public QuantumCircuit setName(String name) {
    this.name = name;
    return this;
  }

  /** Free-form JSON-able metadata (strings, numbers, booleans, lists, maps). */
  public Map<String, Object> metadata() {
    return metadata;
  }

  public QuantumCircuit setMetadata(Map<String, Object> metadata) {
    this.metadata = new LinkedHashMap<>(metadata);
    return this;
  }

  public ParameterExpression globalPhase() {
    return globalPhase;
  }

  public QuantumCircuit setGlobalPhase(double phase) {
    return setGlobalPhase(ParameterExpression.of(phase));
  }

  public QuantumCircuit setGlobalPhase(ParameterExpression phase) {
    this.globalPhase = phase;
    return this;
  }

  // ---- appending

  /** Appends an instruction after checking its bits exist in this circuit and are distinct. */
  public QuantumCircuit append(CircuitInstruction in) {
    checkBits(in.operation().name(), in.qubits(), numQubits, "qubit");
    checkBits(in.operation().name(), in.clbits(), numClbits, "clbit");
    if (in.condition() != null) {
      for (int c : in.condition().clbits()) {
        checkBits(in.operation().name() + " condition", new int[] {c}, numClbits, "clbit");
      }
    }
    data.add(in);
    return this;
  }

  public QuantumCircuit append(Operation op, int[] qubits, int[] clbits) {
    return append(new CircuitInstruction(op, qubits, clbits, null));
  }

  @Override
  public QuantumCircuit append(Operation op, int... qubits) {
    return append(new CircuitInstruction(op, qubits, new int[0], null));
  }

  private static void checkBits(String what, int[] bits, int count, String kind) {
    for (int i = 0; i < bits.length; i++) {
      if (bits[i] < 0 || bits[i] >= count) {
        throw new IllegalArgumentException(
            "'"
                + what
                + "' uses "
                + kind
                + " "
                + bits[i]
                + " but the circuit has "
                + count
                + " "
                + kind
                + "s: use 0.."
                + (count - 1)
                + " or add a register");
      }
      for (int j = 0; j < i; j++) {
        if (bits[i] == bits[j]) {
          throw new IllegalArgumentException(
              "'"
                  + what
                  + "' uses "
                  + kind
                  + " "
                  + bits[i]
                  + " twice in "
                  + Arrays.toString(bits)
                  + ": its "
                  + kind
                  + "s must be distinct");
        }
      }
    }
  }

  /** Replaces the instructions (for passes that rewrite a circuit in place). */
  public QuantumCircuit setData(List<CircuitInstruction> instructions) {
    List<CircuitInstruction> old = new ArrayList<>(data);
    data.clear();
    try {
      instructions.forEach(this::append);
    } catch (IllegalArgumentException e) {
      data.clear();
      data.addAll(old);
      throw e;
    }
    return this;
  }

  // ---- non-unitary instructions and directives

  public QuantumCircuit measure(int qubit, int clbit) {
    return append(new Measure(), new int[] {qubit}, new int[] {clbit});
  }

  /** Measures each qubit of {@code qr} into the same position of {@code cr}. */
  public QuantumCircuit measure(QuantumRegister qr, ClassicalRegister cr) {
    if (qr.size() != cr.size()) {
      throw new IllegalArgumentException(
          "cannot measure "
              + qr.name()
              + "["
              + qr.size()
              + "] into "
              + cr.name()
              + "["
              + cr.size()
              + "]: sizes differ");
    }
    for (int i = 0; i < qr.size(); i++) {
      measure(qubit(qr, i), clbit(cr, i));
    }
    return this;
  }

  /** Adds register {@code meas}, a barrier on all qubits, then measures qubit i into meas[i]. */
  public QuantumCircuit measureAll() {
    ClassicalRegister meas = new ClassicalRegister(numQubits, "meas");
    addRegister(meas);
    barrier();
    for (int i = 0; i < numQubits; i++) {
      measure(i, clbit(meas, i));
    }
    return this;
  }

  public QuantumCircuit reset(int qubit) {
    return append(new Reset(), qubit);
  }

  /** A barrier on the given qubits, or on all qubits when none are given. */
  public QuantumCircuit barrier(int... qubits) {
    int[] q = qubits.length > 0 ? qubits : allQubits();
    return q.length == 0 ? this : append(new Barrier(q.length), q);
  }

  public QuantumCircuit delay(double duration, int qubit, String unit) {
    return append(new Delay(ParameterExpression.of(duration), unit), qubit);
  }

  private int[] allQubits() {
    int[] q = new int[numQubits];
    Arrays.setAll(q, i -> i);
    return q;
  }

  /**
   * Conditions the last instruction on register {@code c} equal to {@code value} (Qiskit's c_if).
   */
  public QuantumCircuit cIf(ClassicalRegister c, long value) {
    int[] bits = new int[c.size()];
    Arrays.setAll(bits, i -> clbit(c, i));
    return conditionLast(new Condition(c, bits, value));
  }

  /** Conditions the last instruction on clbit {@code clbit} equal to {@code value} (0 or 1). */
  public QuantumCircuit cIf(int clbit, long value) {
    return conditionLast(new Condition(null, new int[] {clbit}, value));
  }

  private QuantumCircuit conditionLast(Condition condition) {
    if (data.isEmpty()) {
      throw new IllegalStateException(
          "cIf conditions the last instruction, but the circuit is empty: append one first");
    }
    CircuitInstruction last = data.remove(data.size() - 1);
    try {
      return append(last.withCondition(condition));
    } catch (IllegalArgumentException e) {
      data.add(last);
      throw e;
    }
  }

  // ---- parameters

  /** The unbound parameters, sorted by name (the order {@link #assignParameters(List)} uses). */
  public List<Parameter> parameters() {
    Set<Parameter> all = new LinkedHashSet<>(globalPhase.parameters());
    for (CircuitInstruction in : data) {
      for (ParameterExpression p : in.operation().params()) {
        all.addAll(p.parameters());
      }
    }
    List<Parameter> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparing(Parameter::name));
    return sorted;
  }

  /** True if some gate angle or the global phase is still symbolic (cheaper than parameters()). */
  public boolean isParameterized() {
    if (!globalPhase.isBound()) {
      return true;
    }
    for (CircuitInstruction in : data) {
      for (ParameterExpression p : in.operation().params()) {
        if (!(p instanceof ParameterExpression.Constant)) {
          return true;
        }
      }
    }
    return false;
  }

  public int numParameters() {
    return parameters().size();
  }

  /** A copy with parameters bound to numbers; parameters not in the map stay symbolic. */
  public QuantumCircuit assignParameters(Map<Parameter, ? extends Number> values) {
    Map<Parameter, ParameterExpression> map = new HashMap<>();
    values.forEach((p, v) -> map.put(p, ParameterExpression.of(v.doubleValue())));
    return substitute(map);
  }

  /** A copy with {@link #parameters()} bound, in that order, to {@code values}. */
  public QuantumCircuit assignParameters(List<? extends Number> values) {
    List<Parameter> params = parameters();
    if (values.size() != params.size()) {
      throw new IllegalArgumentException(
          "circuit '"
              + name
              + "' has "
              + params.size()
              + " parameters "
              + params
              + " but "
              + values.size()
              + " values were given");
    }
    Map<Parameter, Number> map = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      map.put(params.get(i), values.get(i));
    }
    return assignParameters(map);
  }

  /** A copy with parameters replaced by expressions (symbolic substitution). */
  public QuantumCircuit substitute(Map<Parameter, ? extends ParameterExpression> values) {
    QuantumCircuit out = copyEmpty();
    out.globalPhase = globalPhase.substitute(values);
    for (CircuitInstruction in : data) {
      out.data.add(in.withOperation(in.operation().substitute(values)));
    }
    return out;
  }

  // ---- whole-circuit transformations

  /** A copy with the same registers, name, metadata and global phase, and no instructions. */
  public QuantumCircuit copyEmpty() {
    QuantumCircuit out = new QuantumCircuit(registers.toArray(Register[]::new));
    out.name = name;
    out.metadata = new LinkedHashMap<>(metadata);
    out.globalPhase = globalPhase;
    return out;
  }

  public QuantumCircuit copy() {
    QuantumCircuit out = copyEmpty();
    out.data.addAll(data);
    return out;
  }

  /** A new circuit: this one followed by {@code other} on the same bit indices. */
  public QuantumCircuit compose(QuantumCircuit other) {
    int[] q = new int[other.numQubits];
    int[] c = new int[other.numClbits];
    Arrays.setAll(q, i -> i);
    Arrays.setAll(c, i -> i);
    return compose(other, q, c);
  }

  /**
   * A new circuit: this one followed by {@code other}, its qubit i mapped to qubits[i], clbit j to
   * clbits[j].
   */
  public QuantumCircuit compose(QuantumCircuit other, int[] qubits, int[] clbits) {
    return CircuitTransforms.compose(this, other, qubits, clbits);
  }

  /**
   * The inverse circuit (reversed, each gate inverted, phase negated); only gates, barriers and
   * delays allowed.
   */
  public QuantumCircuit inverse() {
    return CircuitTransforms.inverse(this);
  }

  /** A copy with every gate replaced by its definition, one level down (u and cx stay). */
  public QuantumCircuit decompose() {
    return CircuitTransforms.decompose(this);
  }

  // ---- metrics and drawing

  /** The length of the critical path; barriers align bits but do not count. */
  public int depth() {
    return CircuitMetrics.depth(this);
  }

  /** Operation name to count, most frequent first (as Qiskit's count_ops). */
  public Map<String, Integer> countOps() {
    return CircuitMetrics.countOps(this);
  }

  /** A text drawing, one line per qubit and clbit, gates in layers. */
  public String draw() {
    return CircuitDrawer.draw(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuantumCircuit c
        && registers.equals(c.registers)
        && data.equals(c.data)
        && globalPhase.equals(c.globalPhase);
  }

  @Override
  public int hashCode() {
    return data.hashCode();
  }

  @Override
  public String toString() {
    return "QuantumCircuit '"
        + name
        + "' ("
        + numQubits
        + " qubits, "
        + numClbits
        + " clbits, "
        + data.size()
        + " instructions)";
  }
}
