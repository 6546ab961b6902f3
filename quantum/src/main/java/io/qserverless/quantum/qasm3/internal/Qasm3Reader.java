package io.qserverless.quantum.qasm3.internal;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.qasm2.internal.CircuitBuilder;
import io.qserverless.quantum.qasm2.internal.QasmReader;
import java.nio.file.Path;
import java.util.List;

/** Reads OpenQASM 3 text into a circuit: parse, unroll the classical part, build. */
public final class Qasm3Reader {

  private Qasm3Reader() {}

  /**
   * The circuit of {@code text}; {@code source} names it in errors; includes resolve in {@code
   * directory}.
   */
  public static QuantumCircuit read(String text, String source, Path directory) {
    QasmReader files = new QasmReader(directory);
    ProgramParser.Program program = ProgramParser.parse(text, source);
    return CircuitBuilder.build(
        Unroller.unroll(
            program.statements(),
            program.hardwareQubits(),
            i ->
                ProgramParser.parse(files.text(i.file(), i.at()), files.source(i.file()))
                    .statements()),
        3,
        i -> List.of());
  }
}
