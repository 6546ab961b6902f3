package io.qserverless.quantum.qasm3;

import static io.qserverless.quantum.qasm2.QasmPrograms.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.qasm2.QasmParseException;
import io.qserverless.quantum.simulator.StatevectorSimulator;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The 21 official OpenQASM 3 examples (test data under {@code qasm3/official/}, source and licence
 * in its README), read as shipped, most without a version line: for each, that it reads, or the
 * refusal it gets, which names the feature, line and column. Before issue 12 one read as shipped;
 * now ten do.
 */
class OfficialExamplesTest {

  private static QuantumCircuit read(String name) {
    return OpenQasm.loads(resource("qasm3/official/" + name));
  }

  private static final Map<String, String> REFUSED =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry("arrays.qasm", "97:53: unexpected character '#'"),
              // The example applies cphase to a register q it never declares.
              Map.entry("cphase.qasm", "9:15: unknown name 'q'; declare it first"),
              // The example calls 'u' with no parameters; stdgates.inc has none of that name.
              Map.entry("dd.qasm", "25:3: unknown gate 'u'"),
              Map.entry("defcal.qasm", "1:1: 'defcalgrammar' selects a pulse grammar"),
              Map.entry("gateteleport.qasm", "6:1: 'extern' declares a function"),
              // Measures into a bit of an angle[n] variable.
              Map.entry("ipe.qasm", "28:16: 'c' is not a bit or bit register"),
              // scratch is work[30:32], three qubits, and the example indexes scratch[3].
              Map.entry("msd.qasm", "48:13: index 3 is out of range: 'scratch' has 3"),
              Map.entry("rus.qasm", "27:16: bits of the circuit change only by measurement"),
              Map.entry("scqec.qasm", "16:1: 'extern' declares a function"),
              Map.entry("t1.qasm", "13:1: 'extern' declares a function"),
              Map.entry("vqe.qasm", "17:1: 'extern' declares a function")));

  @Test
  void ten_examples_read_as_shipped() {
    for (String name :
        java.util.List.of(
            "adder.qasm",
            "alignment.qasm",
            "inverseqft1.qasm",
            "inverseqft2.qasm",
            "qft.qasm",
            "qec.qasm",
            "qpt.qasm",
            "rb.qasm",
            "teleport.qasm",
            "varteleport.qasm")) {
      assertThat(read(name).numQubits()).as(name).isPositive();
    }
  }

  @Test
  void every_other_example_is_refused_at_the_feature_it_needs() {
    REFUSED.forEach(
        (name, message) ->
            assertThatThrownBy(() -> read(name))
                .as(name)
                .isInstanceOf(QasmParseException.class)
                .hasMessageStartingWith("<string>:" + message));
  }

  @Test
  void the_adder_computes_1_plus_15() {
    // a = 0001, b = 1111: b + a = 10000, so ans (b[0:3], then the carry) is 16.
    assertThat(StatevectorSimulator.exactDistribution(read("adder.qasm")))
        .containsExactly(Map.entry(16, 1.0));
  }

  @Test
  void the_repetition_code_corrects_the_inserted_error() {
    // x q[0] makes q = 100: a[0] = q0 ^ q1 = 1, a[1] = q1 ^ q2 = 0, so syn = 1, which flips q[0]
    // back: c = 000 and syn = 01, key c + 8 * syn = 8.
    assertThat(StatevectorSimulator.exactDistribution(read("qec.qasm")))
        .containsExactly(Map.entry(8, 1.0));
  }

  @Test
  void the_teleportation_delivers_u_0_3_0_2_0_1_whatever_the_corrections() {
    // c0, c1 are uniform; c2 reads 1 with sin^2(0.15) for each of them (U(θ,φ,λ)|0> has
    // amplitude sin(θ/2) on |1>).
    Map<Integer, Double> dist = StatevectorSimulator.exactDistribution(read("teleport.qasm"));
    double one = Math.pow(Math.sin(0.15), 2);
    assertThat(dist).hasSize(8);
    for (int c = 0; c < 4; c++) {
      assertThat(dist.get(c)).isCloseTo((1 - one) / 4, within(1e-12));
      assertThat(dist.get(c + 4)).isCloseTo(one / 4, within(1e-12));
    }
  }
}
