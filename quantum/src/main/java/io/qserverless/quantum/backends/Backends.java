package io.qserverless.quantum.backends;

import io.qserverless.quantum.backends.internal.JsonReader;
import io.qserverless.quantum.transpiler.CouplingMap;
import io.qserverless.quantum.transpiler.TranspilerException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The shipped fake backends, by name, and the loader for backend JSON files.
 *
 * <pre>{@code
 * Backend manila = Backends.get("fake_manila");
 * Backend mine = Backends.load(Path.of("my_device.json"));
 * }</pre>
 *
 * <p>A backend file is one JSON object: {@code {"name": "...", "num_qubits": 5, "basis_gates":
 * ["cx", "id", "rz", "sx", "x"], "coupling_map": [[0, 1], [1, 0], ...]}} with an optional {@code
 * "description"}. The shipped ones are resources beside this class. Thread-safe.
 */
public final class Backends {
  private static final List<String> NAMES =
      List.of("fake_manila", "fake_lima", "fake_nairobi", "fake_kolkata", "fake_sherbrooke");
  // The coupling map keeps dense n×n tables; 2,000 qubits is ~20 MB and above every IBM device.
  private static final int MAX_QUBITS = 2_000;
  private static final Map<String, Backend> CACHE = new ConcurrentHashMap<>();

  private Backends() {}

  /** Names of the shipped backends, smallest first. */
  public static List<String> names() {
    return NAMES;
  }

  /** The shipped backend of that name. */
  public static Backend get(String name) {
    if (!NAMES.contains(name)) {
      throw new BackendException(
          "unknown backend '"
              + name
              + "'; shipped backends are "
              + NAMES
              + ", or pass a path to a backend JSON file");
    }
    return CACHE.computeIfAbsent(name, Backends::readResource);
  }

  /** The shipped backend named {@code nameOrPath}, or else the backend file at that path. */
  public static Backend resolve(String nameOrPath) {
    return NAMES.contains(nameOrPath) ? get(nameOrPath) : load(Path.of(nameOrPath));
  }

  /** Reads a backend JSON file. */
  public static Backend load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BackendException(
          "backend file " + file + " does not exist; give a file path or one of " + NAMES, e);
    } catch (IOException e) {
      throw new BackendException("cannot read backend file " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  private static Backend readResource(String name) {
    try (InputStream in = Backends.class.getResourceAsStream(name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("backend resource " + name + ".json is missing");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ".json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses backend JSON text; {@code source} names it in error messages. */
  public static Backend parse(String text, String source) {
    Object root;
    try {
      root = JsonReader.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BackendException(
          "backend file " + source + " is not valid JSON: " + e.getMessage());
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw invalid(source, "the top level", "a JSON object");
    }
    if (!(map.get("name") instanceof String name) || name.isBlank()) {
      throw invalid(source, "\"name\"", "a non-empty string");
    }
    int numQubits = integer(map.get("num_qubits"), source, "\"num_qubits\"", 1, MAX_QUBITS);
    List<String> basis = new ArrayList<>();
    if (!(map.get("basis_gates") instanceof List<?> gates) || gates.isEmpty()) {
      throw invalid(source, "\"basis_gates\"", "a non-empty list of gate names");
    }
    for (Object g : gates) {
      if (!(g instanceof String s)) {
        throw invalid(source, "\"basis_gates\" entry " + show(g), "a gate name string");
      }
      basis.add(s);
    }
    List<int[]> edges = new ArrayList<>();
    if (!(map.get("coupling_map") instanceof List<?> pairs)) {
      throw invalid(source, "\"coupling_map\"", "a list of [control, target] pairs");
    }
    for (Object p : pairs) {
      if (!(p instanceof List<?> pair) || pair.size() != 2) {
        throw invalid(
            source, "\"coupling_map\" entry " + show(p), "a pair [a, b] of qubit indices");
      }
      String what = "\"coupling_map\" entry " + show(pair);
      int a = integer(pair.get(0), source, what, 0, numQubits - 1);
      int b = integer(pair.get(1), source, what, 0, numQubits - 1);
      if (a == b) {
        throw invalid(source, what, "two different qubits");
      }
      edges.add(new int[] {a, b});
    }
    String description = map.get("description") instanceof String d ? d : "";
    Backend backend =
        new Backend(
            name,
            description,
            numQubits,
            basis.stream().sorted().toList(),
            new CouplingMap(numQubits, edges));
    try {
      backend.target();
    } catch (TranspilerException e) {
      throw new BackendException("backend file " + source + ": " + e.getMessage(), e);
    }
    return backend;
  }

  private static int integer(Object value, String source, String what, int min, int max) {
    if (!(value instanceof Double d) || d != Math.rint(d) || d < min || d > max) {
      throw invalid(source, what + " = " + show(value), "an integer from " + min + " to " + max);
    }
    return d.intValue();
  }

  /** A JSON value as the user wrote it: whole numbers without ".0". */
  private static String show(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Backends::show).collect(Collectors.joining(", ", "[", "]"));
    }
    return value instanceof String str ? "\"" + str + "\"" : String.valueOf(value);
  }

  private static BackendException invalid(String source, String what, String expected) {
    return new BackendException(
        "backend file " + source + ": " + what + " is invalid; expected " + expected);
  }
}
