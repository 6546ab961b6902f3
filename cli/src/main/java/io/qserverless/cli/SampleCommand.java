package io.qserverless.cli;

import io.qserverless.quantum.QuantumException;
import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.primitives.QuasiDistribution;
import io.qserverless.quantum.primitives.Sampler;
import io.qserverless.quantum.qasm2.QasmParseException;
import io.qserverless.quantum.qasm3.OpenQasm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qs sample FILE.qasm}: the distribution of an OpenQASM 2 or 3 program's measured bits, as
 * one JSON object keyed by the bits read as an integer (clbit 0 least significant).
 *
 * <p>Exact probabilities by default ({@code {"0": 0.5, "3": 0.5}} for a Bell pair); with {@code
 * --shots} sampled counts ({@code {"0": 507, "3": 493}}), reproducible with {@code --seed}.
 * OpenQASM 3 {@code input} parameters take their values from {@code --param name=value}. The
 * version is taken from the {@code OPENQASM} header (version 2 when there is none).
 */
@Command(
    name = "sample",
    description = "Print the measured-bit distribution of an OpenQASM 2 or 3 program as JSON.")
final class SampleCommand implements Callable<Integer> {

  /**
   * Exact probabilities are printed to 12 decimals, so float noise such as 0.4999999999999999 reads
   * 0.5.
   */
  private static final double DECIMALS = 1e12;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "an OpenQASM 2 or 3 program (.qasm)")
  Path file;

  @Option(
      names = "--shots",
      paramLabel = "N",
      description = "sample N shots and print counts instead of exact probabilities")
  Integer shots;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "seed for --shots, for reproducible counts")
  Long seed;

  @Option(
      names = {"-p", "--param"},
      paramLabel = "NAME=VALUE",
      description = "value of an OpenQASM 3 input parameter (repeatable)")
  Map<String, Double> params = new LinkedHashMap<>();

  @Override
  public Integer call() {
    if (shots != null && shots < 1) {
      return fail(
          "--shots must be 1 or more, got " + shots + "; leave it out for exact probabilities");
    }
    QuantumCircuit circuit;
    try {
      circuit = OpenQasm.load(file);
      OpenQasm.Version version = OpenQasm.detect(Files.readString(file));
      if (!version.declared()) {
        // Said on stderr so that stdout stays the distribution's JSON.
        spec.commandLine().getErr().println("qs sample: " + file + " " + version.description());
      }
    } catch (NoSuchFileException e) {
      return fail("no such file " + file + "; give the path of an OpenQASM 2 or 3 program");
    } catch (IOException e) {
      return fail(
          "cannot read " + file + " (" + e.getMessage() + "); check that it is a readable file");
    } catch (QasmParseException e) {
      return fail("cannot read the program: " + e.getMessage());
    }
    Map<Parameter, Double> values = new HashMap<>();
    for (Parameter p : circuit.parameters()) {
      Double value = params.remove(p.name());
      if (value == null) {
        return fail(
            file
                + " has input parameter '"
                + p.name()
                + "' without a value; give one with --param "
                + p.name()
                + "=0.5");
      }
      values.put(p, value);
    }
    if (!params.isEmpty()) {
      return fail(
          "the program has no input parameter "
              + params.keySet()
              + "; its parameters are "
              + circuit.parameters());
    }
    Sampler sampler = new Sampler();
    if (shots != null) {
      sampler = sampler.withShots(shots);
    }
    if (seed != null) {
      sampler = sampler.withSeed(seed);
    }
    QuasiDistribution dist;
    try {
      dist = sampler.run(circuit.assignParameters(values)).result().quasiDists().getFirst();
    } catch (QuantumException | IllegalStateException | IllegalArgumentException e) {
      // The simulator's refusals (an opaque gate, too many qubits) are the program's, not a bug
      // here.
      return fail("cannot simulate " + file + ": " + e.getMessage());
    }
    spec.commandLine().getOut().println(json(dist));
    spec.commandLine().getOut().flush();
    return 0;
  }

  private String json(QuasiDistribution dist) {
    Map<Integer, String> values = new TreeMap<>();
    for (Map.Entry<Integer, Double> e : dist.entrySet()) {
      if (dist.shots() != null) {
        values.put(e.getKey(), Long.toString(Math.round(e.getValue() * dist.shots())));
      } else {
        double p = Math.round(e.getValue() * DECIMALS) / DECIMALS;
        if (p != 0) {
          values.put(e.getKey(), Double.toString(p));
        }
      }
    }
    return values.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\": " + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private int fail(String message) {
    spec.commandLine().getErr().println("qs sample: " + message);
    spec.commandLine().getErr().flush();
    return 1;
  }
}
