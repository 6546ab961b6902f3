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
 * now twelve do.
 */
class OfficialExamplesTest {

  private static QuantumCircuit read(String name) {
    return OpenQasm.loads(resource("qasm3/official/" + name));
  }

  private static final Map<String, String> REFUSED =
      new TreeMap<>(
          Map.ofEntries(
              // a = my_defined_uints[0] = 5, so my_defined_uints[a - 1] is index 4 of 4 elements
              // (and line 76 declares first_dimension a second time).
              Map.entry("arrays.qasm", "51:17: index 4 is out of range: 'my_defined_uints' has 4"),
              // The example applies cphase to a register q it never declares.
              Map.entry("cphase.qasm", "9:15: unknown name 'q'; declare it first"),
              // The example calls 'u' with no parameters; stdgates.inc has none of that name.
              Map.entry("dd.qasm", "25:3: unknown gate 'u'"),
              Map.entry("defcal.qasm", "1:1: 'defcalgrammar' selects a pulse grammar"),
              Map.entry("gateteleport.qasm", "6:1: 'extern' declares a function"),
              // scratch is work[30:32], three qubits, and the example indexes scratch[3].
              Map.entry("msd.qasm", "48:13: index 3 is out of range: 'scratch' has 3"),
              Map.entry("scqec.qasm", "16:1: 'extern' declares a function"),
              Map.entry("t1.qasm", "13:1: 'extern' declares a function"),
              Map.entry("vqe.qasm", "17:1: 'extern' declares a function")));

  @Test
  void twelve_examples_read_as_shipped() {
    for (String name :
        java.util.List.of(
            "adder.qasm",
            "alignment.qasm",
            "inverseqft1.qasm",
            "inverseqft2.qasm",
            "ipe.qasm",
            "rus.qasm",
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
  void the_arrays_example_reads_once_its_two_faults_are_mended() {
    String mended =
        resource("qasm3/official/arrays.qasm")
            .replace("my_defined_uints[a - 1]", "my_defined_uints[a - 2]")
            .replace(
                "const uint[32] first_dimension = sizeof(my_doubles);  // still 8.",
                "const uint[32] first_dimension_again = sizeof(my_doubles);");
    assertThat(OpenQasm.loads(mended).numClbits()).isZero();
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

  @Test
  void iterative_phase_estimation_gives_the_distribution_of_its_kicks() {
    // r = |+> is half |0> (no kick: every bit reads 0) and half |1>. For |1>, pass k applies the
    // phase 2^k * theta to q's |1>, minus c (the bits so far, shifted: 2 pi B / 1024), so q reads 1
    // with sin^2((2^k theta - c) / 2); B becomes (B | m) << 1. Each measurement of q -> c[0] has a
    // 1-bit register of its own (c_bits, c_bits_1, ...), pass k's result is clbit k.
    QuantumCircuit qc = read("ipe.qasm");
    assertThat(qc.numClbits()).isEqualTo(10);
    Map<Integer, Double> dist = StatevectorSimulator.exactDistribution(qc);
    double theta = (float) (3 * Math.PI / 8); // the example's theta is a float[32]
    for (int key = 0; key < 1024; key++) {
      double p = 1;
      long b = 0;
      for (int k = 0; k < 10; k++) {
        int m = key >> k & 1;
        double one = Math.pow(Math.sin((theta * (1 << k) - 2 * Math.PI * b / 1024) / 2), 2);
        p *= m == 1 ? one : 1 - one;
        b = ((b | m) << 1) & 1023;
      }
      double expected = p / 2 + (key == 0 ? 0.5 : 0);
      assertThat(dist.getOrDefault(key, 0.0)).as("key " + key).isCloseTo(expected, within(1e-12));
    }
  }

  @Test
  void repeat_until_success_loops_until_flags_are_00_then_rotates_as_its_integers_say() {
    // Per pass the segment gives 00 with 5/8 and then applies rz(-(pi - arccos(3/5))) to psi,
    // identity otherwise, so the loop ends with flags = 00. The example then applies
    // rz(pi - arccos(3 / 5)), but 3 / 5 divides integers (0 in OpenQASM 3): rz(pi/2). The net
    // rotation of |+> is -(pi/2 - arccos(3/5)) = -arcsin(3/5), and h reads 1 with
    // sin^2(arcsin(3/5) / 2) = (1 - 4/5) / 2 = 1/10. Each pass branches three ways that stay
    // apart, so the exact walk gives up and the shots run one trajectory each.
    QuantumCircuit qc = read("rus.qasm");
    assertThatThrownBy(() -> StatevectorSimulator.exactDistribution(qc))
        .hasMessageContaining("run it with shots to sample instead of computing exactly");
    int shots = 4000;
    Map<Integer, Integer> counts = StatevectorSimulator.sampleCounts(qc, shots, 12);
    int flags = qc.offsetOf(qc.registers().get(2));
    int output = qc.offsetOf(qc.registers().get(3));
    assertThat(qc.registers().get(3).name()).isEqualTo("output_qubit");
    counts.keySet().forEach(k -> assertThat(k >> flags & 3).isZero());
    int ones =
        counts.entrySet().stream()
            .filter(e -> (e.getKey() >> output & 1) == 1)
            .mapToInt(Map.Entry::getValue)
            .sum();
    // 5 standard deviations of 4000 shots at 1/10: 0.024
    assertThat(ones / (double) shots).isCloseTo(0.1, within(0.024));
    // With 3.0 / 5 the rotations cancel and the output is 0, as the example's comment says.
    QuantumCircuit real =
        OpenQasm.loads(
            resource("qasm3/official/rus.qasm").replace("arccos(3 / 5)", "arccos(3.0 / 5)"));
    StatevectorSimulator.sampleCounts(real, 400, 3)
        .keySet()
        .forEach(k -> assertThat(k >> output & 1).isZero());
  }
}
