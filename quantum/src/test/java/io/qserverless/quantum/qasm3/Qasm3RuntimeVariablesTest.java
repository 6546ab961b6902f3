package io.qserverless.quantum.qasm3;

import static io.qserverless.quantum.qasm3.Outcomes.assertDistribution;
import static io.qserverless.quantum.qasm3.Outcomes.assertTrajectories;
import static io.qserverless.quantum.qasm3.Outcomes.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.quantum.backends.Backends;
import io.qserverless.quantum.circuit.ClassicalExpr;
import io.qserverless.quantum.circuit.ClassicalVar;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.Store;
import io.qserverless.quantum.circuit.WhileLoop;
import io.qserverless.quantum.primitives.SamplerPubResult;
import io.qserverless.quantum.primitives.SamplerV2;
import io.qserverless.quantum.qasm2.Qasm2;
import io.qserverless.quantum.qasm2.QasmParseException;
import io.qserverless.quantum.simulator.StatevectorSimulator;
import io.qserverless.quantum.transpiler.Transpiler;
import io.qserverless.quantum.transpiler.TranspilerException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Classical variables a while loop on a measurement changes from pass to pass (issue 12): they
 * become variables of the circuit ({@link ClassicalVar}), written by {@link Store} and read by the
 * conditions of while and if, which the simulator evaluates per branch and per shot. Every
 * distribution is derived by hand in the comment above it (keys: the clbits as an integer, the
 * first declared bit least significant); the exact tolerance 1e-12 absorbs the loop cutoff.
 */
class Qasm3RuntimeVariablesTest {

  /**
   * The bounded repeat-until-success of the issue; afterwards tries is copied into bits n (bits 1
   * and 2) by three ifs on it, so the distribution shows it.
   */
  private static final String BOUNDED_RUS =
      """
      qubit q; bit c = 1; int[8] tries = 0; bit[2] n;
      while (c == 1 && tries < 3) { reset q; h q; c = measure q; tries += 1; }
      if (tries == 1) { n = "01"; }
      if (tries == 2) { n = "10"; }
      if (tries == 3) { n = "11"; }
      """;

  private static QuantumCircuit roundTrip(QuantumCircuit qc) {
    QuantumCircuit back = Qasm3.loads(Qasm3.dumps(qc));
    assertThat(back.data()).isEqualTo(qc.data());
    return back;
  }

  @Test
  void a_bounded_repeat_until_success_counts_its_tries_exactly_and_per_shot() {
    // Each pass succeeds (c = 0) with 1/2. tries = 1: 1/2; tries = 2: 1/4; tries = 3: 1/4, of
    // which c = 0 (third pass succeeds) 1/8 and c = 1 (the bound stops it) 1/8. So P(c = 0) = 7/8.
    // Keys c + 2 n: tries 1 -> 2, tries 2 -> 4, tries 3 -> 6 (c = 0) or 7 (c = 1).
    Map<Integer, Double> expected = Map.of(2, 0.5, 4, 0.25, 6, 0.125, 7, 0.125);
    QuantumCircuit qc = read(BOUNDED_RUS);
    // tries starts at 0, as every variable of the circuit does, so no store precedes the loop;
    // the loop tests an expression and its body stores tries + 1
    ClassicalVar tries = new ClassicalVar("tries", ClassicalVar.Kind.INT, 8);
    WhileLoop loop = (WhileLoop) qc.data().get(1).operation();
    assertThat(loop.test()).isNotNull();
    assertThat(loop.body().data().getLast().operation())
        .isEqualTo(
            new Store(
                tries,
                new ClassicalExpr.Binary(
                    "+", new ClassicalExpr.Read(tries), new ClassicalExpr.Constant(1))));
    assertDistribution(qc, expected);
    assertTrajectories(qc, expected);
    String text = Qasm3.dumps(qc);
    assertThat(text)
        .contains("int[8] tries;")
        .contains("while ((c[0] && (tries < 3))) {")
        .contains("tries = (tries + 1);")
        .contains("if ((tries == 2)) {");
    assertDistribution(roundTrip(qc), expected);
  }

  @Test
  void a_counter_compared_in_an_if_inside_the_loop() {
    // The loop runs N passes, P(N = n) = 2^-n; r is flipped on every even k, floor(N/2) times, so
    // m = 1 when floor(N/2) is odd: N in {2, 3, 6, 7, 10, 11, ...}, of probability
    // (1/4 + 1/8) / (1 - 1/16) = 2/5. c ends 0. Keys c + 2 m: 0 -> 3/5, 2 -> 2/5.
    QuantumCircuit qc =
        read(
            """
            qubit q; qubit r; bit c = 1; bit m; uint[4] k = 0;
            while (c == 1) {
              reset q; h q; c = measure q;
              k += 1;
              if (k % 2 == 0) { x r; }
            }
            m = measure r;
            """);
    Map<Integer, Double> expected = Map.of(0, 0.6, 2, 0.4);
    assertDistribution(qc, expected);
    assertTrajectories(qc, expected);
    assertDistribution(roundTrip(qc), expected);
  }

  @Test
  void a_variable_assigned_from_measured_bits_decides_an_if_after_the_loop() {
    // Each pass tosses a fresh coin; heads = "some pass gave coin = 1"; r is flipped iff heads.
    // The loop makes N = min(geometric, 3) passes: P(N = 1, 2, 3) = 1/2, 1/4, 1/4, so
    // P(no coin = 1) = 1/2 * 1/2 + 1/4 * 1/4 + 1/4 * 1/8 = 11/32 and P(m = 1) = 21/32. The last
    // coin = 1 implies heads, so m = 0 with coin = 1 never happens.
    QuantumCircuit qc =
        read(
            """
            qubit q; qubit a; qubit r; bit c = 1; bit m; bit coin; bool heads = false;
            int[4] passes = 0;
            while (c == 1 && passes < 3) {
              reset q; h q; c = measure q;
              reset a; h a; coin = measure a;
              heads = heads || coin;
              passes += 1;
            }
            if (heads) { x r; }
            m = measure r;
            """);
    for (QuantumCircuit circuit : new QuantumCircuit[] {qc, roundTrip(qc)}) {
      Map<Integer, Double> p = StatevectorSimulator.exactDistribution(circuit);
      double m1 =
          p.entrySet().stream()
              .filter(e -> (e.getKey() & 2) != 0)
              .mapToDouble(e -> e.getValue())
              .sum();
      double m0coin1 =
          p.entrySet().stream()
              .filter(e -> (e.getKey() & 6) == 4)
              .mapToDouble(e -> e.getValue())
              .sum();
      assertThat(m1).isCloseTo(21.0 / 32, within(1e-12));
      assertThat(m0coin1).isZero();
    }
  }

  @Test
  void a_value_computed_from_a_run_time_variable_is_one_too() {
    // plus = 2 tries + 1 = 5 iff tries = 2: 1/4, and then c = 0; c = 1 (three failures) 1/8.
    // Keys c + 2 m: 2 -> 1/4, 1 -> 1/8, 0 -> 5/8.
    QuantumCircuit qc =
        read(
            """
            qubit q; qubit r; bit c = 1; bit m; int[8] tries = 0; int[8] twice = 0;
            while (c == 1 && tries < 3) { reset q; h q; c = measure q; tries += 1; }
            twice = tries * 2;
            int[8] plus = twice + 1;
            if (plus == 5) { x r; }
            m = measure r;
            """);
    Map<Integer, Double> expected = Map.of(2, 0.25, 1, 0.125, 0, 0.625);
    assertDistribution(qc, expected);
    assertDistribution(roundTrip(qc), expected);
  }

  @Test
  void a_known_variable_assigned_under_a_condition_becomes_a_run_time_one() {
    // seen = 7 iff tries = 2 (an if on a run-time value: seen becomes one before it); last = 3
    // iff c = 1 (an if on a measured bit: last holds 0 in every run first), and c = 1 means
    // tries = 3. r is flipped iff tries = 2 (1/4, c = 0) or c = 1 (1/8). Keys c + 2 m: 2 -> 1/4,
    // 3 -> 1/8, 0 -> 5/8.
    QuantumCircuit qc =
        read(
            """
            qubit q; qubit r; bit c = 1; bit m; int[8] tries = 0; int[8] seen = 0;
            int[8] last = 0;
            while (c == 1 && tries < 3) { reset q; h q; c = measure q; tries += 1; }
            if (tries == 2) { seen = 7; }
            if (c) { last = tries; }
            if (seen == 7 || last == 3) { x r; }
            m = measure r;
            """);
    Map<Integer, Double> expected = Map.of(2, 0.25, 3, 0.125, 0, 0.625);
    assertDistribution(qc, expected);
    assertDistribution(roundTrip(qc), expected);
  }

  @Test
  void a_break_under_an_if_on_the_counter_ends_the_loop() {
    // The loop would go on while c = 1; the break at tries = 2 ends it. tries = 1 (c = 0): 1/2;
    // else tries = 2, then c = 0 or 1 with 1/4 each. Keys c + 2 n (n = 1 at tries 1, 2 at 2):
    // 2 -> 1/2, 4 -> 1/4, 5 -> 1/4. Ignoring the break would leave c = 0 in every run.
    QuantumCircuit qc =
        read(
            """
            qubit q; bit c = 1; int[8] tries = 0; bit[2] n;
            while (c == 1) {
              reset q; h q; c = measure q; tries += 1;
              if (tries == 2) { break; }
            }
            if (tries == 1) { n = "01"; } else { n = "10"; }
            """);
    Map<Integer, Double> expected = Map.of(2, 0.5, 4, 0.25, 5, 0.25);
    assertDistribution(qc, expected);
    assertTrajectories(qc, expected);
    assertDistribution(roundTrip(qc), expected);
  }

  @Test
  void a_switch_on_the_counter_takes_one_case() {
    // tries = 1, 2, 3 with 1/2, 1/4, 1/4 (the bounded repeat-until-success); case 1 sets n = 01,
    // and also tries = 3, which the default must not see (it runs only where case 1 failed);
    // case 2 sets n = 10, the default n = 11. Keys c + 2 n: tries 1 -> 2; tries 2 -> 4;
    // tries 3 -> 6 (c = 0) or 7 (c = 1), 1/8 each.
    QuantumCircuit qc =
        read(
            """
            qubit q; bit c = 1; int[8] tries = 0; bit[2] n;
            while (c == 1 && tries < 3) { reset q; h q; c = measure q; tries += 1; }
            switch (tries) {
              case 1 { n = "01"; tries = 3; }
              case 2 { n = "10"; }
              default { n = "11"; }
            }
            """);
    Map<Integer, Double> expected = Map.of(2, 0.5, 4, 0.25, 6, 0.125, 7, 0.125);
    assertDistribution(qc, expected);
    assertDistribution(roundTrip(qc), expected);
  }

  @Test
  void nested_loops_reset_an_inner_counter_on_each_outer_pass() {
    // The outer loop makes K = min(geometric, 2) passes: 1 with 1/2, 2 with 1/2. Each pass resets
    // j and runs the inner loop J = min(geometric, 2) passes (1 or 2, 1/2 each); total sums them.
    // total = 1 or 2 (K = 1): 1/4 each; total = 2, 3, 4 (K = 2): 1/8, 1/4, 1/8. r is flipped iff
    // total = 2: 1/4 + 1/8 = 3/8. Without the reset of j the second inner loop would start at
    // j = J1 and total = 2 would come from K = 1 only: 1/4. c and d end 0 or 1 per the bounds:
    // this sums over them and asserts m only.
    QuantumCircuit qc =
        read(
            """
            qubit q; qubit r; bit c = 1; bit d; bit m; int[8] k = 0; int[4] total = 0;
            while (c == 1 && k < 2) {
              reset q; h q; c = measure q;
              int[4] j = 0;
              d = 1;
              while (d == 1 && j < 2) { reset q; h q; d = measure q; j += 1; }
              total += j;
              k += 1;
            }
            if (total == 2) { x r; }
            m = measure r;
            """);
    for (QuantumCircuit circuit : new QuantumCircuit[] {qc, roundTrip(qc)}) {
      double m1 =
          StatevectorSimulator.exactDistribution(circuit).entrySet().stream()
              .filter(e -> (e.getKey() & 4) != 0)
              .mapToDouble(Map.Entry::getValue)
              .sum();
      assertThat(m1).isCloseTo(3.0 / 8, within(1e-12));
    }
  }

  @Test
  void a_loop_whose_count_is_known_still_unrolls() {
    // k is known, so the loop unrolls into three measurements of three qubits, each uniform; s,
    // a sum of measured bits, needs no variable of the circuit. r is flipped iff c = 111.
    // Keys c + 8 m: 0..6 with 1/8 each, and 15 with 1/8.
    QuantumCircuit qc =
        read(
            """
            qubit[3] q; qubit r; bit[3] c; bit m; int k = 0; int s = 0;
            while (k < 3) { h q[k]; c[k] = measure q[k]; s += c[k]; k += 1; }
            if (s == 3) { x r; }
            m = measure r;
            """);
    assertThat(qc.data())
        .noneMatch(in -> in.operation() instanceof WhileLoop || in.operation() instanceof Store);
    assertDistribution(
        qc,
        Map.of(0, 0.125, 1, 0.125, 2, 0.125, 3, 0.125, 4, 0.125, 5, 0.125, 6, 0.125, 15, 0.125));
  }

  @Test
  void the_specifications_counting_loop_runs_until_its_count_of_ones() {
    // The specification's loop (classical.rst, "while"), counting measured 1s: it makes N passes,
    // N the trial of the k-th 1, with E[z^N] = (z / (2 - z))^k. r is flipped on every pass, so
    // m = 1 iff N is odd: (1 - (-1/3)^k) / 2. result (bit 0) is 1 at the end: the k-th 1.
    // k = 2, exactly: P(N odd) = (1 - 1/9) / 2 = 4/9. Keys result + 2 m: 1 -> 5/9, 3 -> 4/9.
    String loop =
        """
        qubit q; qubit r; bit result; bit m; int i = 0;
        while (i < K) {
          h q;
          result = measure q;
          x r;
          if (result) { i += 1; }
        }
        m = measure r;
        """;
    QuantumCircuit two = read(loop.replace("K", "2"));
    assertDistribution(two, Map.of(1, 5.0 / 9, 3, 4.0 / 9));
    assertDistribution(roundTrip(two), Map.of(1, 5.0 / 9, 3, 4.0 / 9));
    // k = 10, as the specification writes it, per shot (the exact walk has too many branches):
    // P(N odd) = (1 - 3^-10) / 2, 1/2 to within 1e-5.
    assertTrajectories(read(loop.replace("K", "10")), Map.of(1, 0.5, 3, 0.5));
  }

  @Test
  void the_transpiler_refuses_a_run_time_variable_by_name() {
    // the store of k = 1 before the loop is the circuit's first instruction
    QuantumCircuit counted =
        read("qubit q; bit c; int[4] k = 1; while (c == 0) { h q; c = measure q; k += 1; }");
    assertThatThrownBy(() -> Transpiler.transpile(counted, Backends.get("fake_manila"), 1))
        .isInstanceOf(TranspilerException.class)
        .hasMessage(
            "the transpiler does not map a 'store' (classical control decided while the circuit"
                + " runs); run the circuit on the simulator untranspiled");
  }

  @Test
  void openqasm_2_refuses_a_run_time_variable_with_the_fix() {
    QuantumCircuit counted =
        read("qubit q; bit c; int[4] k = 1; while (c == 0) { h q; c = measure q; k += 1; }");
    assertThatThrownBy(() -> Qasm2.dumps(counted))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "OpenQASM 2 has no 'store' of this form, but the circuit has a store; write OpenQASM 3"
                + " with Qasm3.dumps");
  }

  @Test
  void an_output_variable_is_read_and_the_sampler_reports_the_bits() {
    // 'output int[8] tries' is accepted; the sampler's data holds the bit registers only (c and
    // n), with the distribution of the bounded repeat-until-success: c = 1 in 1/8 of the shots.
    // Its measurements are all inside the loop, which the sampler's check looks into.
    QuantumCircuit qc = read(BOUNDED_RUS.replace("int[8] tries = 0;", "output int[8] tries;"));
    SamplerPubResult pub = new SamplerV2().withSeed(7).run(qc).result().get(0);
    assertThat(pub.registerNames()).containsExactly("c", "n");
    Map<String, Integer> c = pub.data("c").getCounts();
    int shots = c.values().stream().mapToInt(Integer::intValue).sum();
    // 5 standard deviations of a frequency of 1/8 over the default shots
    double sigma = Math.sqrt(0.125 * 0.875 / shots);
    assertThat(c.getOrDefault("1", 0) / (double) shots).isCloseTo(0.125, within(5 * sigma));
    assertThat(pub.data("n").getCounts().keySet()).containsOnly("01", "10", "11");
  }

  @Test
  void a_run_time_variable_cannot_be_a_gate_angle() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    qubit q; bit c = 1; int[8] tries = 0;
                    while (c == 1) { h q; c = measure q; tries += 1; }
                    rz(tries) q;
                    """))
        .isInstanceOf(QasmParseException.class)
        .hasMessageContaining(
            "a gate angle must be known when the circuit is built, but this one is known only"
                + " when the circuit runs (it reads a variable a loop on a measurement changes);"
                + " choose among known angles with if/else on that variable instead");
  }

  @Test
  void a_float_cannot_change_from_pass_to_pass() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    qubit q; bit c = 1; float x = 0;
                    while (c == 1) { h q; c = measure q; x += 0.5; }
                    """))
        .isInstanceOf(QasmParseException.class)
        .hasMessageContaining(
            "4:38: 'x' would have to change while the circuit runs, which only int, uint and bool"
                + " variables can, not float; compute it from those, or carry it in bits");
  }

  @Test
  void a_run_time_value_refuses_what_the_circuit_cannot_compute() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    qubit q; bit c = 1; int[8] k = 1;
                    while (c == 1) { h q; c = measure q; k = k ** 2; }
                    """))
        .isInstanceOf(QasmParseException.class)
        .hasMessageContaining(
            "'**' cannot act on a value known only when the circuit runs (a variable a loop on a"
                + " measurement changes)");
  }
}
