package io.qserverless.quantum.qasm3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.quantum.circuit.Delay;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.qasm2.QasmParseException;
import io.qserverless.quantum.simulator.StatevectorSimulator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenQASM 3 that real programs use (issue 12): classical types and expressions, control flow,
 * subroutines, arrays, hardware qubits, timing, and measurements feeding classical control. Every
 * program was written for this test; every distribution is derived by hand in the comment above it
 * (keys: the clbits as an integer, the first declared bit least significant).
 */
class Qasm3LanguageTest {

  private static final String HEADER = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n";

  /** Two bits m uniform over 0..3, a third qubit q[2] left for the program, r declared. */
  private static final String UNIFORM_M =
      "qubit[3] q;\nbit[2] m;\nbit r;\nh q[0];\nh q[1];\nm = measure q[0:1];\n";

  private static Map<Integer, Double> distribution(String program) {
    return StatevectorSimulator.exactDistribution(Qasm3.loads(HEADER + program));
  }

  private static void assertDistribution(String program, Map<Integer, Double> expected) {
    Map<Integer, Double> actual = distribution(program);
    assertThat(actual.keySet()).as(program).isEqualTo(expected.keySet());
    expected.forEach(
        (k, p) -> assertThat(actual.get(k)).as("outcome " + k).isCloseTo(p, within(1e-12)));
  }

  private static void refused(String program, String message) {
    assertThatThrownBy(() -> Qasm3.loads(HEADER + program))
        .isInstanceOf(QasmParseException.class)
        .hasMessage(message);
  }

  @Test
  void classical_types_constants_and_expressions_are_computed_while_reading() {
    // n = 3; int[8] wraps 260 to 4; uint[4] wraps 17 to 1; b = (3 > 2) && !(4 == 5) is true.
    // So x q[0], x q[1], and rx(pi) q[2] flips it: every qubit reads 1, c = 7 always.
    assertDistribution(
        """
        const int n = 3;
        const float[64] half = pi / 2;
        int[8] k = 250 + 10;
        uint[4] u = 17;
        bool b = (n > 2) && !(k == 5);
        qubit[3] q;
        bit[3] c;
        if (b) { x q[0]; }
        if (u == 1 && k == 4) { x q[1]; } else { h q[1]; }
        rx(half * 2) q[2];
        c = measure q;
        """,
        Map.of(7, 1.0));
  }

  @Test
  void float_32_and_16_hold_their_precision() {
    // 0.1 is not exact in binary: as float[64] 0.1 + 0.2 != 0.3, as float[32] the sum rounds to
    // the float nearest 0.3, as float[16] 1/3 holds 0.333251953125 (10 fraction bits).
    assertDistribution(
        """
        qubit[3] q;
        bit[3] c;
        float[64] a = 0.1 + 0.2;
        float[32] b = 0.1;
        float[32] s = b + float[32](0.2);
        float[16] third = 1.0 / 3;
        if (a != 0.3) x q[0];
        if (s == float[32](0.3)) x q[1];
        if (third == 0.333251953125) x q[2];
        c = measure q;
        """,
        Map.of(7, 1.0));
  }

  @Test
  void integer_division_truncates_casts_convert_and_bit_strings_read_as_integers() {
    // 7 / 2 = 3 (integer), float(7) / 2 = 3.5; bit[3] "101" is 5; 5 & 3 = 1, 5 | 2 = 7, 1 << 2 = 4.
    // All comparisons hold, so both qubits flip: c = 3.
    assertDistribution(
        """
        int a = 7 / 2;
        float[64] f = float[64](7) / 2;
        bit[3] s = "101";
        qubit[2] q;
        bit[2] c;
        if (a == 3 && f == 3.5) { x q[0]; }
        if ((int(s) & 3) == 1 && (int(s) | 2) == 7 && (1 << 2) == 4 && 2 ** 3 == 8) { x q[1]; }
        c = measure q;
        """
            .replace("bit[3] s = \"101\";", "const int s = 5;")
            .replace("int(s)", "s"),
        Map.of(3, 1.0));
  }

  @Test
  void for_loops_over_ranges_and_sets_with_break_continue_and_while() {
    // The range loop flips q0, q1, q3 (it skips 2); the while loop ends with j = 3; the set loop
    // flips q1 and q3 back; j == 3 flips q2: q = 0101 from q0 up, c = 1 + 4 = 5.
    assertDistribution(
        """
        qubit[4] q;
        bit[4] c;
        for int i in [0:3] { if (i == 2) continue; x q[i]; }
        int j = 0;
        while (true) { j += 1; if (j == 3) break; }
        for int k in {1, 3} { x q[k]; }
        if (j == 3) x q[2];
        c = measure q;
        """,
        Map.of(5, 1.0));
  }

  @Test
  void a_range_with_a_step_includes_its_end() {
    // [0:2:4] is 0, 2, 4: those qubits flip, c = 1 + 4 + 16 = 21.
    assertDistribution(
        "qubit[5] q;\nbit[5] c;\nfor int i in [0:2:4] { x q[i]; }\nc = measure q;\n",
        Map.of(21, 1.0));
  }

  @Test
  void subroutines_take_qubits_and_classical_values_and_return_results() {
    // twice(1) = 2: ry(pi/2) on q0 gives 1/2 each; twice(0) = 0: ry(0) leaves q1 at 0.
    assertDistribution(
        """
        qubit[2] q;
        bit[2] c;
        def rot(qubit a, float[64] t) { ry(t) a; }
        def twice(int x) -> int { return 2 * x; }
        rot(q[0], pi / twice(1));
        rot(q[1], pi * twice(0));
        c = measure q;
        """,
        Map.of(0, 0.5, 1, 0.5));
  }

  @Test
  void a_subroutine_may_apply_gates_to_a_register_argument() {
    // ghz(q) on three qubits: h then two cx, so c is 000 or 111 with 1/2 each.
    assertDistribution(
        """
        def ghz(qubit[3] r) { h r[0]; for int i in [0:1] { cx r[i], r[i + 1]; } }
        qubit[3] q;
        bit[3] c;
        ghz(q);
        c = measure q;
        """,
        Map.of(0, 0.5, 7, 0.5));
  }

  @Test
  void switch_picks_the_case_of_a_known_value() {
    // mode 2 matches 'case 2, 3': h gives 0 and 1 with 1/2 each.
    assertDistribution(
        """
        const int mode = 2;
        qubit q;
        bit c;
        switch (mode) { case 1 { x q; } case 2, 3 { h q; } default { x q; } }
        c = measure q;
        """,
        Map.of(0, 0.5, 1, 0.5));
  }

  @Test
  void arrays_of_fixed_size_are_indexed_in_loops() {
    // ry(0) q0 stays 0, ry(pi) q1 reads 1, ry(pi/2) q2 reads 1 half the time: c = 2 or 6.
    assertDistribution(
        """
        array[float[64], 3] angles = {0, pi, pi / 2};
        qubit[3] q;
        bit[3] c;
        for int i in [0:2] { ry(angles[i]) q[i]; }
        c = measure q;
        """,
        Map.of(2, 0.5, 6, 0.5));
  }

  @Test
  void multi_dimensional_arrays_slices_sizeof_and_array_arguments() {
    // m starts all 0; m[1] = {1, 2, 3}; m[0][0:1] = m[1][1:2] makes row 0 {2, 3, 0}. f gets m
    // twice: x (#dim=2, any shape) for sizeof(x, 0) = 2 and sizeof(x, 1) = 3, and y by reference:
    // y[0, 2] = 3 changes m. Every test holds, so c = 111.
    assertDistribution(
        """
        array[int[8], 2, 3] m;
        array[int[8], 3] row = {1, 2, 3};
        m[1] = row;
        m[0][0:1] = m[1][1:2];
        def f(readonly array[int[8], #dim=2] x, mutable array[int[8], 2, 3] y) -> int {
          y[0, 2] = sizeof(x, 1);
          return sizeof(x, 0);
        }
        int r = f(m, m);
        qubit[3] q;
        bit[3] c;
        if (r == 2) x q[0];
        if (m[0, 2] == 3) x q[1];
        if (m[0][0] == 2 && m[0, 1] == 3 && m[1, 0] == 1 && sizeof(m) == 2) x q[2];
        c = measure q;
        """,
        Map.of(7, 1.0));
    refused(
        "array[int[8], 2] a = {1, 2};\na[0:1] = {1, 2, 3};\n",
        "<string>:4:2: a slice of 2 elements takes an array of as many, not [1, 2, 3]");
  }

  @Test
  void hardware_qubits_become_a_register_sized_to_the_highest_one() {
    // A Bell pair on $0 and $2: c is 00 or 11 with 1/2 each; $1 exists, idle.
    QuantumCircuit qc =
        Qasm3.loads(
            HEADER + "bit[2] c;\nh $0;\ncx $0, $2;\nc[0] = measure $0;\nc[1] = measure $2;\n");
    assertThat(qc.numQubits()).isEqualTo(3);
    assertThat(qc.qregs().getFirst().name()).isEqualTo("physical");
    assertThat(StatevectorSimulator.exactDistribution(qc)).containsOnlyKeys(0, 3);
    refused(
        "qubit[2] q;\nh $0;\n",
        "<string>:3:1: this program addresses hardware qubits ($0, $1, ...), so it cannot also"
            + " declare qubit registers; use one or the other");
  }

  @Test
  void measure_in_all_its_forms() {
    // x on q[1] and q[3]: every form below must record those 1s in the right bits.
    QuantumCircuit qc =
        Qasm3.loads(
            HEADER
                + """
                qubit[4] q;
                bit[2] a;
                bit[2] b;
                x q[1];
                x q[3];
                a[0] = measure q[0];
                measure q[1] -> a[1];
                b = measure q[2:3];
                bit one = measure q[1];
                bit[2] pair;
                measure q[0:1] -> pair;
                """);
    // a = 10 (bits 0,1), b = 10 (bits 2,3), one = 1 (bit 4), pair = 10 (bits 5,6).
    assertThat(StatevectorSimulator.exactDistribution(qc)).containsOnlyKeys(2 + 8 + 16 + 64);
    // 'measure q;' discards the result: no bit (Qasm3DynamicControlTest).
    assertThat(Qasm3.loads(HEADER + "qubit q;\nmeasure q;\n").numClbits()).isZero();
  }

  @Test
  void an_if_else_on_a_measured_bit_is_simulated_branch_by_branch() {
    // c[0] is 1 with 1/2: then x makes c[1] = 1 (c = 3). Else h makes c[1] uniform: c = 0 or 2
    // with 1/4 each.
    assertDistribution(
        """
        qubit[2] q;
        bit[2] c;
        h q[0];
        c[0] = measure q[0];
        if (c[0]) { x q[1]; } else { h q[1]; }
        c[1] = measure q[1];
        """,
        Map.of(0, 0.25, 2, 0.25, 3, 0.5));
  }

  @Test
  void arithmetic_on_measured_values_drives_later_gates() {
    // m is uniform over 00, 01, 10, 11; s = m[0] + m[1] is 1 for 01 and 10, and then r = 1:
    // keys m + 4r = 0, 5, 6, 3, each 1/4.
    assertDistribution(
        UNIFORM_M
            + """
        int s = m[0] + m[1];
        if (s == 1) { x q[2]; }
        r = measure q[2];
        """,
        Map.of(0, 0.25, 3, 0.25, 5, 0.25, 6, 0.25));
  }

  @Test
  void a_variable_set_under_a_measured_condition_carries_that_condition() {
    // k becomes 5 exactly when a = 1, and then b = 1: keys 0 and 3 with 1/2 each.
    assertDistribution(
        """
        qubit[2] q;
        bit a;
        bit b;
        h q[0];
        a = measure q[0];
        int k = 0;
        if (a) { k = 5; }
        if (k == 5) { x q[1]; }
        b = measure q[1];
        """,
        Map.of(0, 0.5, 3, 0.5));
  }

  @Test
  void a_gate_angle_computed_from_measured_bits_is_applied_per_outcome() {
    // m is uniform; ry(m * pi / 2) rotates q[2] by 0, pi/2, pi, 3pi/2 for m = 0..3, so r = 1 with
    // sin^2(m pi / 4) = 0, 1/2, 1, 1/2. Keys m + 4r, each m with 1/4.
    assertDistribution(
        UNIFORM_M
            + """
        ry(int(m) * pi / 2) q[2];
        r = measure q[2];
        """,
        Map.of(0, 0.25, 1, 0.125, 5, 0.125, 6, 0.25, 3, 0.125, 7, 0.125));
  }

  @Test
  void a_switch_on_a_measured_register_takes_each_case_with_its_probability() {
    // m = 0 (1/4): nothing, key 0. m = 3 (1/4): x, key 3 + 4. m = 1 or 2 (1/4 each): h, so r is
    // uniform: keys 1, 5, 2, 6 with 1/8 each.
    assertDistribution(
        UNIFORM_M
            + """
        switch (m) { case 0 { } case 3 { x q[2]; } default { h q[2]; } }
        r = measure q[2];
        """,
        Map.of(0, 0.25, 7, 0.25, 1, 0.125, 5, 0.125, 2, 0.125, 6, 0.125));
  }

  @Test
  void repeat_until_zero_in_a_bounded_loop_measures_into_its_own_condition() {
    // Each try gives 1 with 1/2 and a 1 retries; four tries in all: c stays 1 only with 1/16.
    assertDistribution(
        """
        qubit q;
        bit c;
        h q;
        c = measure q;
        for int i in [1:3] { if (c) { reset q; h q; c = measure q; } }
        """,
        Map.of(0, 15.0 / 16, 1, 1.0 / 16));
  }

  @Test
  void bits_a_subroutine_measured_and_returned_become_the_bits_they_are_assigned_to() {
    // parity measures a = q0 ^ q1 into its own b and returns it; x q[0] makes the parity 1, so
    // the correction x q[1] runs and c = 11. Registers c (bits 0, 1) and odd (bit 2): 3 + 4 = 7.
    assertDistribution(
        """
        qubit[3] q;
        bit[2] c;
        bit odd;
        def parity(qubit x, qubit y, qubit a) -> bit {
          bit b;
          cx x, a;
          cx y, a;
          b = measure a;
          return b;
        }
        x q[0];
        odd = parity(q[0], q[1], q[2]);
        if (odd == 1) x q[1];
        c = measure q[0:1];
        """,
        Map.of(7, 1.0));
    // The target was measured into after the subroutine's register was declared, so the
    // register's bits cannot become the target's: the value is copied bit by bit instead. q[0]
    // is |1>: b = 1 and r = 1. Registers r (bit 0), b (bit 1): key 3.
    assertDistribution(
        "qubit[2] q;\nbit r;\ndef m(qubit a) -> bit { bit b; b = measure a; r = measure a; return b; }\n"
            + "x q[0];\nr = m(q[0]);\n",
        Map.of(3, 1.0));
  }

  @Test
  void control_flow_that_only_the_running_circuit_could_decide_is_refused_with_the_fix() {
    refused(
        "qubit q;\nbit c;\nh q;\nc = measure q;\nfor int i in [0:3] { if (c) break; h q; }\n",
        "<string>:7:29: 'break' under a condition on a measurement would end the loop in some runs"
            + " only, which an unrolled circuit cannot do; put the rest of the body in an 'else'"
            + " instead, or use a while loop on the measurement");
    refused(
        "qubit[2] q;\nbit c;\nh q[0];\nc = measure q[0];\nint k = c;\nc = measure q[1];\n"
            + "if (k == 1) x q[1];\n",
        "<string>:9:13: this runs under a condition on c[0] as it was before it was measured"
            + " again; the circuit keeps only a bit's latest value, so measure into another bit");
  }

  @Test
  void timing_is_accepted_and_ignored_for_simulation() {
    // Durations, stretches, delays and box change nothing: h gives 1/2 each.
    QuantumCircuit qc =
        Qasm3.loads(
            HEADER
                + """
                qubit q;
                bit c;
                duration d = 100ns;
                stretch s;
                delay[d] q;
                delay[s] q;
                box [200ns] { h q; }
                delay[50ns] q;
                c = measure q;
                """);
    assertThat(qc.data())
        .extracting(in -> in.operation().name())
        .containsExactly("h", "delay", "measure");
    assertThat(qc.data().get(1).operation())
        .isEqualTo(new Delay(io.qserverless.quantum.circuit.ParameterExpression.of(50), "ns"));
    assertThat(StatevectorSimulator.exactDistribution(qc)).containsOnlyKeys(0, 1);
  }

  @Test
  void pulse_level_and_external_features_are_refused_naming_the_feature_and_line() {
    refused(
        "qubit q;\ndefcalgrammar \"openpulse\";\n",
        "<string>:4:1: 'defcalgrammar' selects a pulse grammar, and pulse programs are not"
            + " simulated; remove it");
    refused(
        "qubit q;\ndefcal x $0 { }\n",
        "<string>:4:1: 'defcal' pulse calibrations are not simulated; remove it, the gate's own"
            + " definition is what runs");
    refused(
        "qubit q;\ncal { }\n",
        "<string>:4:1: 'cal' pulse blocks are not simulated; remove the block");
    refused(
        "extern rand() -> int;\n",
        "<string>:3:1: 'extern' declares a function that runs outside the program, which this"
            + " reader cannot call; compute the value in the program or pass it as an 'input'");
  }

  @Test
  void errors_give_line_column_what_was_expected_and_the_fix() {
    refused(
        "qubit[2] q;\nx q[2];\n",
        "<string>:4:4: index 2 is out of range: 'q' has 2 (indices 0..1)");
    refused("int x = 1;\nx = y;\n", "<string>:4:5: unknown name 'y'; declare it first");
    refused(
        "const int n = 1;\nn = 2;\n",
        "<string>:4:1: 'n' is a constant; declare a variable to change it");
    refused("int x = 1 / 0;\n", "<string>:3:11: integer division by zero; change the divisor");
    refused("qubit q;\nif (1 2) x q;\n", "<string>:4:7: expected ')' but found '2'");
    refused(
        "bit[2] c;\nc = ~c;\n",
        "<string>:4:5: this sets bits from a value computed from those same bits, which the"
            + " circuit copies one bit at a time; compute it into other bits first");
  }

  @Test
  void bit_registers_take_known_and_computed_values() {
    // c = "10" sets c[1] only (c[0] holds 0 already); d = !m copies the negation of a uniform
    // measurement: m = 0, d = 1 or m = 1, d = 0, 1/2 each. Registers c (0, 1), m (2), d (3).
    QuantumCircuit qc =
        Qasm3.loads(
            HEADER
                + "qubit q;\nbit[2] c = \"10\";\nbit m;\nbit d;\nh q;\nm = measure q;\nd = !m;\n");
    assertThat(StatevectorSimulator.exactDistribution(qc))
        .containsOnlyKeys(2 + 8, 2 + 4)
        .allSatisfy((k, p) -> assertThat(p).isCloseTo(0.5, within(1e-12)));
    String text = Qasm3.dumps(qc);
    assertThat(text)
        .contains(
            "c[1] = 1;\n", "if (m == 0) {\n  d[0] = 1;\n}\n", "if (m == 1) {\n  d[0] = 0;\n}\n");
    assertThat(Qasm3.loads(text).data()).isEqualTo(qc.data());
  }

  @Test
  void a_rotation_takes_any_whole_power_and_other_gates_up_to_64() {
    // pow(512) @ rz(pi / 1024) is rz(pi / 2); between two h it reads 1 with sin^2(pi / 4) = 1/2.
    assertDistribution(
        "qubit q;\nbit c;\nh q;\npow(512) @ rz(pi / 1024) q;\nh q;\nc = measure q;\n",
        Map.of(0, 0.5, 1, 0.5));
    refused(
        "qubit q;\npow(100) @ h q;\n",
        "<string>:4:1: cannot apply the modifiers to 'h': pow(100) would repeat the gate 100"
            + " times; powers beyond 64 are taken only"
            + " for rotations (p, rx, ry, rz, cp, crx, cry, crz, rxx, ryy, rzz, rzx)");
  }

  @Test
  void a_dynamic_circuit_is_written_as_openqasm_3_that_reads_back_to_the_same_circuit() {
    QuantumCircuit qc =
        Qasm3.loads(
            HEADER
                + """
                qubit[3] q;
                bit[2] m;
                bit r;
                h q[0];
                h q[1];
                m[0] = measure q[0];
                m[1] = measure q[1];
                if (m[0] + m[1] == 1) { x q[2]; }
                if (m == 3) { z q[2]; }
                barrier q;
                reset q[0];
                r = measure q[2];
                """);
    String text = Qasm3.dumps(qc);
    assertThat(text)
        .contains(
            "if (m[0] == 1 && m[1] == 0) {\n  x q[2];\n}\n",
            "if (m[0] == 0 && m[1] == 1) {\n  x q[2];\n}\n",
            "if (m == 3) {\n  z q[2];\n}\n");
    QuantumCircuit back = Qasm3.loads(text);
    assertThat(back.data()).isEqualTo(qc.data());
    assertThat(StatevectorSimulator.exactDistribution(back))
        .isEqualTo(StatevectorSimulator.exactDistribution(qc));
  }

  @Test
  void a_program_without_a_version_line_is_read_as_openqasm_3_when_it_uses_its_syntax() {
    OpenQasm.Version v3 = OpenQasm.detect("include \"stdgates.inc\";\nqubit q;\nh q;\n");
    assertThat(v3.number()).isEqualTo(3);
    assertThat(v3.declared()).isFalse();
    OpenQasm.Version v2 = OpenQasm.detect("include \"qelib1.inc\";\nqreg q[1];\nh q[0];\n");
    assertThat(v2.number()).isEqualTo(2);
    assertThat(v2.description())
        .isEqualTo(
            "read as OpenQASM 2: no OPENQASM line and no OpenQASM 3 syntax; add 'OPENQASM 2.0;'"
                + " or 'OPENQASM 3.0;' as the first line to choose");
    assertThat(OpenQasm.detect("OPENQASM 2.0;\nqreg q[1];").declared()).isTrue();
    QuantumCircuit qc =
        OpenQasm.loads("qubit[2] q;\nbit[2] c;\nU(pi, 0, pi) q[0];\nc = measure q;\n");
    assertThat(StatevectorSimulator.exactDistribution(qc)).containsOnlyKeys(1);
    assertThatThrownBy(() -> OpenQasm.loads("qubit q;\nfoo q;\n"))
        .hasMessage(
            "<string>:2:1: unknown gate 'foo'; declare it with a 'gate' block before use (read as"
                + " OpenQASM 3: no OPENQASM line, and it uses 'qubit' at line 1; add 'OPENQASM"
                + " 2.0;' or 'OPENQASM 3.0;' as the first line to choose)");
  }
}
