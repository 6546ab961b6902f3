package io.qserverless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.qasm2.Qasm2;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qs transpile} and {@code qs backends} as a user runs them. */
class TranspileCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run qs(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Qs.commandLine().execute(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void transpile_prints_an_isa_circuit_that_parses_back_and_a_summary_line() throws Exception {
    Path file = dir.resolve("ghz.qasm");
    Files.writeString(
        file,
        """
        OPENQASM 2.0;
        include "qelib1.inc";
        qreg q[3];
        creg c[3];
        h q[0];
        cx q[0],q[2];
        cx q[2],q[1];
        measure q -> c;
        """);
    Run run = qs("transpile", file.toString(), "--backend", "fake_kolkata", "-O", "2");
    assertThat(run.code()).isZero();
    QuantumCircuit isa = Qasm2.loads(run.out());
    assertThat(isa.numQubits()).isEqualTo(27);
    Set<String> allowed = Set.of("ecr", "rz", "sx", "x", "id", "measure", "barrier");
    assertThat(isa.data()).extracting(i -> i.operation().name()).allMatch(allowed::contains);
    assertThat(isa.data().stream().filter(i -> i.operation().name().equals("ecr")).count())
        .isEqualTo(2);
    assertThat(run.err())
        .startsWith("fake_kolkata -O2: depth ")
        .contains("2 two-qubit gates, layout [");
    assertThat(isa.data()).filteredOn(i -> i.operation().name().equals("measure")).hasSize(3);
  }

  @Test
  void transpile_refuses_a_circuit_wider_than_the_backend_in_one_line() throws Exception {
    Path file = dir.resolve("wide.qasm");
    Files.writeString(file, "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[6];\nh q[5];\n");
    Run run = qs("transpile", file.toString(), "--backend", "fake_manila");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "qs transpile: the circuit has 6 qubits but the target has only"
                + " 5; pick a backend with at least 6 qubits"
                + System.lineSeparator());
    assertThat(run.out()).isEmpty();
  }

  @Test
  void backends_json_lists_every_shipped_backend_with_its_coupling_map() {
    Run run = qs("backends", "--json");
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .startsWith("[")
        .contains(
            "{\"name\": \"fake_manila\", \"num_qubits\": 5, \"basis_gates\": [\"cx\", \"id\", \"rz\","
                + " \"sx\", \"x\"], \"coupling_map\": [[0, 1], [1, 0], [1, 2], [2, 1], [2, 3], [3, 2],"
                + " [3, 4], [4, 3]]}",
            "\"name\": \"fake_sherbrooke\", \"num_qubits\": 127");
  }
}
