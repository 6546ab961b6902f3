package io.qserverless.quantum.qasm3.internal;

import static io.qserverless.quantum.qasm3.internal.Syntax.error;

import io.qserverless.quantum.qasm2.internal.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names in scope: the global scope below, blocks above it. A subroutine sees only the global
 * names and its arguments, so a call sets the caller's blocks aside until it returns.
 */
final class Scopes {

  private final Deque<Map<String, Binding>> blocks = new ArrayDeque<>();
  private final Map<String, Binding> global = new HashMap<>();
  private final Deque<List<Map<String, Binding>>> callers = new ArrayDeque<>();

  /** For each enclosing while loop on measurements, the scopes that were open when it began. */
  private final Deque<Set<Map<String, Binding>>> loops = new ArrayDeque<>();

  void push() {
    blocks.push(new HashMap<>());
  }

  void pop() {
    blocks.pop();
  }

  boolean isGlobal() {
    return blocks.isEmpty() && callers.isEmpty();
  }

  void enterCall(Map<String, Binding> arguments) {
    callers.push(new ArrayList<>(blocks));
    blocks.clear();
    blocks.push(arguments);
  }

  void leaveCall() {
    blocks.clear();
    callers.pop().reversed().forEach(blocks::push);
  }

  /** A while loop on measurements begins: the names open now stay fixed inside it. */
  void enterLoop() {
    Set<Map<String, Binding>> open = Collections.newSetFromMap(new IdentityHashMap<>());
    open.add(global);
    open.addAll(blocks);
    callers.forEach(open::addAll);
    loops.push(open);
  }

  void leaveLoop() {
    loops.pop();
  }

  /**
   * Whether {@code name} was declared outside the innermost while loop on measurements, whose body
   * is unrolled once: a variable from there cannot change from one pass to the next.
   */
  boolean fixedByLoop(String name) {
    if (loops.isEmpty()) {
      return false;
    }
    for (Map<String, Binding> scope : blocks) {
      if (scope.containsKey(name)) {
        return loops.peek().contains(scope);
      }
    }
    return true;
  }

  /** The contents of every open scope, to {@link #restore} (see Unroller#whileLoop). */
  Runnable snapshot() {
    List<Map<String, Binding>> open = new ArrayList<>(blocks);
    open.add(global);
    callers.forEach(open::addAll);
    List<Map<String, Binding>> copies = open.stream().map(m -> Map.copyOf(m)).toList();
    return () -> {
      for (int i = 0; i < open.size(); i++) {
        open.get(i).clear();
        open.get(i).putAll(copies.get(i));
      }
    };
  }

  void declare(String name, Binding binding, Token at) {
    Map<String, Binding> scope = blocks.isEmpty() ? global : blocks.peek();
    if (scope.putIfAbsent(name, binding) != null) {
      throw error(at, "'" + name + "' is already declared in this scope; choose another name");
    }
  }

  /** What {@code name} stands for now, or null if it is not declared. */
  Binding find(String name) {
    for (Map<String, Binding> scope : blocks) {
      Binding b = scope.get(name);
      if (b != null) {
        return b;
      }
    }
    return global.get(name);
  }

  Binding lookup(String name, Token at) {
    Binding b = find(name);
    if (b == null) {
      throw error(at, "unknown name '" + name + "'; declare it first");
    }
    return b;
  }

  /**
   * Whether any name in scope or in a suspended caller's scope stands for bit register {@code
   * register}.
   */
  boolean bindsRegister(String register) {
    List<Map<String, Binding>> all = new ArrayList<>(blocks);
    all.add(global);
    callers.forEach(all::addAll);
    return all.stream()
        .flatMap(scope -> scope.values().stream())
        .anyMatch(b -> b instanceof Binding.Clbits c && c.register().equals(register));
  }

  /** Replaces the binding of {@code name} in the innermost scope that has it. */
  void assign(String name, Binding binding) {
    for (Map<String, Binding> scope : blocks) {
      if (scope.containsKey(name)) {
        scope.put(name, binding);
        return;
      }
    }
    global.put(name, binding);
  }
}
