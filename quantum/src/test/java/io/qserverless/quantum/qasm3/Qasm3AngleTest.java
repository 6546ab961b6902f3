package io.qserverless.quantum.qasm3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.quantum.circuit.ClassicalRegister;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.qasm2.QasmParseException;
import io.qserverless.quantum.simulator.StatevectorSimulator;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code angle[n]} as the OpenQASM 3 specification defines it: an n-bit fraction of 2π, values
 * wrapping modulo 2π and rounded to multiples of 2π/2^n, arithmetic as uint[n] on the bits. The
 * expected bit patterns are the specification's own examples (types.rst "Angles", classical.rst
 * "Angles"), read here through {@code bit[n](a)} written into a register (key: its value).
 */
class Qasm3AngleTest {

  private static final String HEADER = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n";

  private static Map<Integer, Double> run(String program) {
    return StatevectorSimulator.exactDistribution(Qasm3.loads(HEADER + program));
  }

  /** The value of register r after {@code program} (deterministic). */
  private static int bitsOf(String program) {
    Map<Integer, Double> dist = run(program);
    assertThat(dist).hasSize(1);
    return dist.keySet().iterator().next();
  }

  /** Each bit register's value after {@code program} (deterministic), by name. */
  private static Map<String, Integer> registers(String program) {
    QuantumCircuit qc = Qasm3.loads(HEADER + program);
    Map<Integer, Double> dist = StatevectorSimulator.exactDistribution(qc);
    assertThat(dist).hasSize(1);
    int key = dist.keySet().iterator().next();
    Map<String, Integer> values = new TreeMap<>();
    for (ClassicalRegister r : qc.cregs()) {
      values.put(r.name(), key >> qc.offsetOf(r) & (1 << r.size()) - 1);
    }
    return values;
  }

  @Test
  void a_float_becomes_the_nearest_fraction_of_a_turn() {
    // pi is half a turn: "1000"; pi/2 a quarter: "010000"; 7pi/8 is 7/16 of a turn: "01110000".
    assertThat(bitsOf("angle[4] a = pi;\nbit[4] r = bit[4](a);\n")).isEqualTo(0b1000);
    assertThat(bitsOf("angle[6] a = pi / 2;\nbit[6] r = bit[6](a);\n")).isEqualTo(0b010000);
    assertThat(bitsOf("angle[8] a = 7 * (pi / 8);\nbit[8] r = bit[8](a);\n")).isEqualTo(0b01110000);
    // 2pi * 127/512 lies halfway between 63/256 and 64/256 of a turn: ties go to the even 64.
    assertThat(
            bitsOf(
                "const float[64] two_pi = 6.283185307179586;\n"
                    + "float[64] f = two_pi * (127. / 512.);\nbit[8] r = bit[8](angle[8](f));\n"))
        .isEqualTo(0b01000000);
    // 9pi/4 wraps to pi/4, 1/8 of a turn; -pi/2 wraps to 3pi/2, 3/4 of a turn.
    assertThat(bitsOf("angle[3] a = 9 * pi / 4;\nbit[3] r = bit[3](a);\n")).isEqualTo(0b001);
    assertThat(bitsOf("angle[2] a = -pi / 2;\nbit[2] r = bit[2](a);\n")).isEqualTo(0b11);
  }

  @Test
  void arithmetic_is_that_of_uint_n_on_the_bits() {
    // a = 7pi/8 "0111", b = pi/8 "0001", c = 5pi/4 "1010", two = 2: a + b = pi "1000",
    // b - a = 5pi/4 "1010" (wrapping below 0), a / two = 3pi/8 "0011", two * c = pi/2 "0100"
    // (wrapping past 2pi), c / b = 10 (a uint), -(pi/4) = 7pi/4 "1110".
    String program =
        """
        angle[4] a = 7 * (pi / 8);
        angle[4] b = pi / 8;
        angle[4] c = 5 * (pi / 4);
        angle[4] d = pi / 4;
        uint[4] two = 2;
        uint[4] ratio = c / b;
        bit[4] r1 = bit[4](a + b);
        bit[4] r2 = bit[4](b - a);
        bit[4] r3 = bit[4](a / two);
        bit[4] r4 = bit[4](two * c);
        bit[4] r5 = ratio;
        bit[4] r6 = bit[4](-d);
        """;
    assertThat(registers(program))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("r1", 0b1000, "r2", 0b1010, "r3", 0b0011, "r4", 0b0100, "r5", 10, "r6", 0b1110));
  }

  @Test
  void shifts_and_bitwise_operators_act_on_the_bits_and_comparisons_compare_them() {
    // a = 9pi/8 "1001": a << 2 = "0100" (pi/2), a >> 2 = "0010" (pi/4). pi/4 == "0010" holds, and
    // 3pi/2 > pi as bits although 2 * (3pi/2) = pi is not above it (the ring of angles).
    String program =
        """
        qubit[2] q;
        angle[4] a = 9 * (pi / 8);
        angle[4] t = 3 * pi / 2;
        uint[4] two = 2;
        bit[4] left = bit[4](a << 2);
        bit[4] right = bit[4](a >> 2);
        bit[2] c;
        if ((a >> 2) == pi / 4 && t > pi) x q[0];
        if (two * t > t) x q[1];
        c = measure q;
        """;
    assertThat(registers(program))
        .containsExactlyInAnyOrderEntriesOf(Map.of("left", 0b0100, "right", 0b0010, "c", 0b01));
  }

  @Test
  void casts_between_widths_pad_or_round_and_bits_copy() {
    // angle[4] pi "1000" padded to 8 bits: "10000000". 3pi/8 is 3/16 of a turn, angle[4] "0011";
    // in quarter turns that is 0.75, nearest 1: "01". bit[3] "101" read as angle[3] is 5/8 of a
    // turn, 5pi/4, and back gives "101".
    String program =
        """
        angle[4] a = pi;
        angle[8] wide = a;
        angle[2] narrow = angle[2](angle[4](3 * pi / 8));
        bit[3] pattern = "101";
        angle[3] b = angle[3](pattern);
        bit[8] r1 = bit[8](wide);
        bit[2] r2 = bit[2](narrow);
        bit[3] r3 = bit[3](b);
        bool ok = b == 5 * pi / 4;
        bit r4 = ok;
        """;
    assertThat(registers(program))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("pattern", 0b101, "r1", 0b10000000, "r2", 0b01, "r3", 0b101, "r4", 1));
  }

  @Test
  void a_gate_takes_the_quantized_angle() {
    // pi/3 is 1/6 of a turn; angle[2] holds quarter turns, nearest 1 (pi/2): ry(pi/2) reads 1 with
    // sin^2(pi/4) = 1/2 (a float pi/3 would give sin^2(pi/6) = 1/4).
    Map<Integer, Double> dist =
        run("qubit q;\nbit c;\nangle[2] t = pi / 3;\nry(t) q;\nc = measure q;\n");
    assertThat(dist.get(1)).isCloseTo(0.5, within(1e-12));
    Map<Integer, Double> asFloat =
        run("qubit q;\nbit c;\nfloat[64] t = pi / 3;\nry(t) q;\nc = measure q;\n");
    assertThat(asFloat.get(1)).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void operations_the_specification_does_not_define_on_angles_are_refused_with_the_fix() {
    assertThatThrownBy(() -> run("angle[4] a = pi;\nangle[8] b = pi;\nbool x = a == b;\n"))
        .isInstanceOf(QasmParseException.class)
        .hasMessage(
            "<string>:5:12: these angles have different widths (4 and 8 bits); cast one:"
                + " angle[4](...)");
    assertThatThrownBy(() -> run("angle[4] a = pi;\nfloat[64] f = a * 1.5;\n"))
        .isInstanceOf(QasmParseException.class)
        .hasMessage(
            "<string>:4:17: an angle can multiply by an unsigned integer only, not 1.5; cast the"
                + " angle to float first: float[64](a)");
    assertThatThrownBy(() -> run("angle[4] a = pi;\nint i = int(a);\n"))
        .isInstanceOf(QasmParseException.class)
        .hasMessage(
            "<string>:4:9: an angle cannot be cast to int; cast it to bit[4] or float first");
    assertThatThrownBy(() -> run("bit[2] p = \"10\";\nangle[3] b = angle[3](p);\n"))
        .isInstanceOf(QasmParseException.class)
        .hasMessage(
            "<string>:4:14: a bit[2] becomes an angle[3] only at the same width; slice it to 3"
                + " bits");
  }
}
