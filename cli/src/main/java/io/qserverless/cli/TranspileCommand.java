package io.qserverless.cli;

import io.qserverless.quantum.backends.Backend;
import io.qserverless.quantum.backends.BackendException;
import io.qserverless.quantum.backends.Backends;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.qasm2.Qasm2;
import io.qserverless.quantum.qasm2.QasmParseException;
import io.qserverless.quantum.qasm3.OpenQasm;
import io.qserverless.quantum.qasm3.Qasm3;
import io.qserverless.quantum.transpiler.TranspileLayout;
import io.qserverless.quantum.transpiler.TranspilerException;
import io.qserverless.quantum.transpiler.preset.PresetPassManagers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code qs transpile FILE.qasm --backend NAME -O LEVEL}: prints the ISA circuit as OpenQASM 2 (or
 * 3 with {@code --qasm3}) on stdout and a one-line summary on stderr.
 */
@Command(
    name = "transpile",
    description = "Transpile an OpenQASM circuit into an ISA circuit for a backend.")
final class TranspileCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "OpenQASM 2 or 3 file")
  Path file;

  @Option(
      names = "--backend",
      required = true,
      description = "a shipped backend name (see 'qs backends') or a backend JSON file")
  String backend;

  @Option(names = "-O", defaultValue = "1", description = "optimization level 0-3 (default 1)")
  int level;

  @Option(names = "--qasm3", description = "print OpenQASM 3 instead of 2")
  boolean qasm3;

  @Override
  public Integer call() throws IOException {
    try {
      QuantumCircuit in = OpenQasm.load(file);
      OpenQasm.Version version = OpenQasm.detect(Files.readString(file));
      if (!version.declared()) {
        System.err.println("qs transpile: " + file + " " + version.description());
      }
      Backend target = Backends.resolve(backend);
      long start = System.nanoTime();
      QuantumCircuit out = PresetPassManagers.generate(level, target).run(in);
      double ms = (System.nanoTime() - start) / 1e6;
      System.out.print(qasm3 ? Qasm3.dumps(out) : Qasm2.dumps(out));
      long twoQubit = out.data().stream().filter(i -> i.qubits().length == 2).count();
      String layout =
          TranspileLayout.of(out)
              .map(
                  l ->
                      "layout "
                          + Arrays.toString(l.initialLayout())
                          + " -> final "
                          + Arrays.toString(l.finalLayout()))
              .orElse("no layout");
      System.err.printf(
          "%s -O%d: depth %d, %d two-qubit gates, %s, %.1f ms%n",
          target.name(), level, out.depth(), twoQubit, layout, ms);
      return 0;
    } catch (NoSuchFileException e) {
      System.err.println("qs transpile: file " + file + " does not exist; give a .qasm file path");
      return 2;
    } catch (QasmParseException | TranspilerException | BackendException e) {
      System.err.println("qs transpile: " + e.getMessage());
      return 1;
    }
  }
}
