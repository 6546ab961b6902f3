package io.qserverless.quantum.qasm3.internal;

import static io.qserverless.quantum.qasm3.internal.Syntax.error;

import io.qserverless.quantum.qasm2.internal.Statement.Operand;
import io.qserverless.quantum.qasm2.internal.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The circuit's classical bits while a program is unrolled: which register each belongs to and how
 * many times a measurement has written it, so that a value read before the latest measurement is
 * recognised as stale. Bits are values of the running circuit: reading one gives a {@link
 * Value.Dynamic}, even before any measurement (the circuit starts them at 0), so that a condition
 * on them stays a condition in the circuit.
 */
final class BitLedger {

  private final List<Operand> names = new ArrayList<>();
  private final List<Integer> versions = new ArrayList<>();
  private final Set<String> registers = new HashSet<>();

  /** Versions of the bits when each enclosing while loop on measurements was entered. */
  private final Deque<int[]> loopEntries = new ArrayDeque<>();

  /** The register name for a declaration: its own at global scope, a fresh one inside blocks. */
  String uniqueName(String name, boolean global) {
    String unique = name;
    for (int i = 1; !global && registers.contains(unique); i++) {
      unique = name + "_" + i;
    }
    return unique;
  }

  /** Adds a register of {@code size} bits; returns the global index of its first bit. */
  int add(String register, int size) {
    registers.add(register);
    int offset = names.size();
    for (int i = 0; i < size; i++) {
      names.add(new Operand(register, i, null));
      versions.add(0);
    }
    return offset;
  }

  Operand operand(int clbit, Token at) {
    Operand o = names.get(clbit);
    return new Operand(o.register(), o.index(), at);
  }

  /** Undoes everything since: bits added, measured, adopted (see Unroller#whileLoop). */
  Runnable snapshot() {
    List<Operand> savedNames = List.copyOf(names);
    List<Integer> savedVersions = List.copyOf(versions);
    Set<String> savedRegisters = Set.copyOf(registers);
    return () -> {
      names.clear();
      names.addAll(savedNames);
      versions.clear();
      versions.addAll(savedVersions);
      registers.clear();
      registers.addAll(savedRegisters);
    };
  }

  /** Whether no measurement has written any of {@code clbits} yet (so they hold 0). */
  boolean unwritten(List<Integer> clbits) {
    return clbits.stream().allMatch(c -> versions.get(c) == 0);
  }

  int version(int clbit) {
    return versions.get(clbit);
  }

  void measured(int clbit) {
    versions.set(clbit, versions.get(clbit) + 1);
  }

  /** The value of {@code clbits} (first least significant) now: known 0s and measured bits. */
  Value read(List<Integer> clbits, String register, Token at) {
    List<Integer> measured = new ArrayList<>(clbits);
    int width = clbits.size();
    if (measured.isEmpty()) {
      return new Value.Bits(0, 0);
    }
    if (measured.size() > Operators.MAX_DYNAMIC_BITS) {
      throw error(
          at,
          "this reads "
              + measured.size()
              + " measured bits at once; at most "
              + Operators.MAX_DYNAMIC_BITS
              + " may feed one classical value, so read fewer");
    }
    int[] bits = measured.stream().mapToInt(Integer::intValue).toArray();
    int[] v = new int[bits.length];
    Value[] table = new Value[1 << bits.length];
    for (int i = 0; i < bits.length; i++) {
      v[i] = versions.get(bits[i]);
    }
    for (int a = 0; a < table.length; a++) {
      long value = 0;
      for (int i = 0; i < bits.length; i++) {
        value |= (long) (a >>> i & 1) << clbits.indexOf(bits[i]);
      }
      table[a] = new Value.Bits(value, width);
    }
    return new Value.Dynamic(bits, v, table, measured.size() == width ? register : null);
  }

  /**
   * Entering a while loop on measurements, whose body is unrolled once but runs again after it
   * measured: every bit counts as measured again, so a value read before the loop is stale inside
   * it, and the bits read inside are their newest values.
   */
  void enterLoop() {
    int[] entry = versions.stream().mapToInt(Integer::intValue).toArray();
    loopEntries.push(entry);
    for (int c = 0; c < entry.length; c++) {
      measured(c);
    }
  }

  /**
   * Leaving that loop: bits its body did not measure get their versions back (values read before
   * the loop are fresh again); returns the bits it measured.
   */
  List<Integer> leaveLoop() {
    int[] entry = loopEntries.pop();
    List<Integer> written = new ArrayList<>();
    for (int c = 0; c < entry.length; c++) {
      if (versions.get(c) == entry[c] + 1) {
        versions.set(c, entry[c]);
      } else {
        written.add(c);
      }
    }
    return written;
  }

  /** Whether none of the bits {@code value} was read from has been measured again since. */
  boolean fresh(Value.Dynamic value) {
    for (int i = 0; i < value.clbits().length; i++) {
      if (versions.get(value.clbits()[i]) != value.versions()[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Bits {@code adopted} now belong to {@code register} (see Declarations#adopt); its former bits
   * count as rewritten, so values read from them before are stale.
   */
  void adopt(int[] adopted, String register, List<Integer> former) {
    for (int i = 0; i < adopted.length; i++) {
      names.set(adopted[i], new Operand(register, i, null));
    }
    former.forEach(this::measured);
  }

  /** Refuses a condition read before one of its bits was measured again. */
  void checkFresh(Value.Dynamic condition, Token at) {
    for (int i = 0; i < condition.clbits().length; i++) {
      int c = condition.clbits()[i];
      if (versions.get(c) != condition.versions()[i]) {
        int[] entry = loopEntries.peek();
        if (entry != null && c < entry.length && condition.versions()[i] <= entry[c]) {
          throw error(
              at,
              "this reads "
                  + names.get(c)
                  + " as it was before a while loop on a measurement, but the loop's later passes"
                  + " see its newer values; read the bit inside the loop, or copy what you need"
                  + " with a measurement into another bit before the loop");
        }
        throw error(
            at,
            "this runs under a condition on "
                + names.get(c)
                + " as it was before it was measured again; the circuit keeps only a bit's latest"
                + " value, so measure into another bit");
      }
    }
  }
}
