package io.qserverless.quantum.qasm3;

import static io.qserverless.quantum.qasm3.Outcomes.assertDistribution;
import static io.qserverless.quantum.qasm3.Outcomes.assertTrajectories;
import static io.qserverless.quantum.qasm3.Outcomes.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qserverless.quantum.backends.Backends;
import io.qserverless.quantum.circuit.DiscardedMeasure;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.WhileLoop;
import io.qserverless.quantum.primitives.SamplerPubResult;
import io.qserverless.quantum.primitives.SamplerV2;
import io.qserverless.quantum.qasm2.QasmParseException;
import io.qserverless.quantum.simulator.Precision;
import io.qserverless.quantum.simulator.SimulatorException;
import io.qserverless.quantum.simulator.StatevectorSimulator;
import io.qserverless.quantum.transpiler.Transpiler;
import io.qserverless.quantum.transpiler.TranspilerException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Control decided only while the circuit runs (issue 12): a measurement whose result is discarded,
 * and {@code while} loops on measured bits with break and continue. Every program was written for
 * this test; every distribution is derived by hand in the comment above it (keys: the clbits as an
 * integer, the first declared bit least significant). Loop runs end with a probability cut below
 * {@link StatevectorSimulator#LOOP_CUTOFF} per branch, which the exact tolerance 1e-12 absorbs.
 */
class Qasm3DynamicControlTest {

  /** {@code loop} on qubit q and bit c, then r (which the loop flips) measured into m (bit 1). */
  private static QuantumCircuit flipsOfR(String loop) {
    return read("qubit q;\nqubit r;\nbit c;\nbit m;\n" + loop + "m = measure r;\n");
  }

  private static QuantumCircuit roundTrip(QuantumCircuit qc) {
    QuantumCircuit back = Qasm3.loads(Qasm3.dumps(qc));
    assertThat(back.data()).isEqualTo(qc.data());
    return back;
  }

  // ---- measure q; (result discarded)

  @Test
  void a_discarded_measurement_collapses_the_qubit_and_writes_no_bit() {
    // h h is the identity, so without the measurement c = 0 always. Measuring in between leaves
    // |0> or |1> with 1/2 each; h then gives |+> or |->, both reading 1 with 1/2: c uniform.
    QuantumCircuit qc = read("qubit q;\nbit c;\nh q;\nmeasure q;\nh q;\nc = measure q;\n");
    assertThat(qc.numClbits()).isEqualTo(1);
    assertThat(qc.data().get(1).operation()).isEqualTo(new DiscardedMeasure());
    assertDistribution(qc, Map.of(0, 0.5, 1, 0.5));
    assertTrajectories(qc, Map.of(0, 0.5, 1, 0.5));
    assertDistribution(read("qubit q;\nbit c;\nh q;\nh q;\nc = measure q;\n"), Map.of(0, 1.0));
  }

  @Test
  void a_discarded_measurement_of_a_register_collapses_each_qubit_and_counts_only_user_bits() {
    // Both qubits collapse, then h makes each uniform: c takes all four values with 1/4. The
    // sampler's data holds register c only.
    QuantumCircuit qc =
        read("qubit[2] q;\nbit[2] c;\nh q;\nmeasure q;\nh q[0];\nh q[1];\nc = measure q;\n");
    assertDistribution(qc, Map.of(0, 0.25, 1, 0.25, 2, 0.25, 3, 0.25));
    SamplerPubResult pub = new SamplerV2().withSeed(5).run(qc).result().get(0);
    assertThat(pub.registerNames()).containsExactly("c");
    assertThat(pub.data("c").getCounts().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(SamplerV2.DEFAULT_SHOTS);
  }

  @Test
  void a_discarded_measurement_is_written_as_openqasm_3_and_read_back() {
    QuantumCircuit qc = read("qubit[2] q;\nbit c;\nh q;\nmeasure q[1];\nc = measure q[0];\n");
    assertThat(Qasm3.dumps(qc)).contains("\nmeasure q[1];\n");
    roundTrip(qc);
    assertThatThrownBy(() -> io.qserverless.quantum.qasm2.Qasm2.dumps(qc))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "OpenQASM 2 has no 'measure' of this form, but the circuit has a measurement whose"
                + " result is discarded; write OpenQASM 3 with Qasm3.dumps");
  }

  // ---- while on measured bits

  private static final String COUNTER =
      """
      qubit q;
      qubit[2] k;
      bit c;
      bit[2] n;
      while (c == 0) {
        h q;
        c = measure q;
        cx k[0], k[1];
        x k[0];
      }
      n = measure k;
      """;

  @Test
  void repeat_until_success_runs_a_geometric_number_of_passes() {
    // Each pass reads 1 with 1/2, so the loop makes N passes with P(N = j) = 2^-j, j >= 1. k counts
    // passes mod 4 (cx then x adds 1 mod 4). P(n = r) = sum over j = r mod 4 of 2^-j
    // = 2^-r / (1 - 2^-4) for r = 1, 2, 3 and 2^-4 / (1 - 2^-4) for r = 0: 8/15, 4/15, 2/15, 1/15.
    // c is 1 at the end: keys 1 + 2n.
    QuantumCircuit qc = read(COUNTER);
    assertThat(qc.data().getFirst().operation()).isInstanceOf(WhileLoop.class);
    Map<Integer, Double> expected = Map.of(3, 8 / 15.0, 5, 4 / 15.0, 7, 2 / 15.0, 1, 1 / 15.0);
    assertDistribution(qc, expected);
    assertTrajectories(qc, expected);
    assertDistribution(roundTrip(qc), expected);
  }

  @Test
  void the_sampler_counts_the_loop_register_by_register() {
    // The counter example through SamplerV2, 4000 shots: register n holds the passes mod 4 with
    // 8/15 ("01"), 4/15 ("10"), 2/15 ("11"), 1/15 ("00"); register c is "1" in every shot.
    int shots = 4000;
    SamplerPubResult pub =
        new SamplerV2().withSeed(9).withDefaultShots(shots).run(read(COUNTER)).result().get(0);
    assertThat(pub.registerNames()).containsExactly("c", "n");
    assertThat(pub.data("c").getCounts()).containsExactly(Map.entry("1", shots));
    Map<String, Double> expected =
        Map.of("01", 8 / 15.0, "10", 4 / 15.0, "11", 2 / 15.0, "00", 1 / 15.0);
    Map<String, Integer> counts = pub.data("n").getCounts();
    assertThat(counts.keySet()).isEqualTo(expected.keySet());
    // 5 standard deviations of a frequency at 4000 shots: at most 0.04
    expected.forEach(
        (k, p) -> assertThat(counts.get(k) / (double) shots).as(k).isCloseTo(p, within(0.04)));
  }

  @Test
  void the_loop_cutoff_drops_exactly_the_branch_below_it_and_says_how_much() {
    // After j failures the branch that goes on has probability 2^-j; the first under 1e-15 is
    // 2^-50 (2^-49 = 1.8e-15), so that is the mass cut, and c = 1 holds the rest.
    StatevectorSimulator.Exact exact =
        StatevectorSimulator.exact(
            read("qubit q;\nbit c;\nwhile (c == 0) { h q; c = measure q; }\n"), Precision.DOUBLE);
    assertThat(exact.truncated()).isCloseTo(Math.pow(2, -50), within(1e-20));
    assertThat(exact.distribution()).containsOnlyKeys(1);
    assertThat(exact.distribution().get(1)).isCloseTo(1 - Math.pow(2, -50), within(1e-16));
  }

  @Test
  void an_if_inside_a_while_runs_on_the_passes_it_holds_for() {
    // x r runs on each failed pass: F = N - 1 failures with P(F = f) = 2^-(f+1). r = F mod 2:
    // P(r = 1) = 1/4 + 1/16 + ... = 1/3, P(r = 0) = 2/3. c (bit 0) is 1: keys 1 and 3.
    QuantumCircuit qc =
        flipsOfR(
            """
            while (c == 0) {
              h q;
              c = measure q;
              if (c == 0) { x r; }
            }
            """);
    assertDistribution(qc, Map.of(1, 2 / 3.0, 3, 1 / 3.0));
    assertDistribution(roundTrip(qc), Map.of(1, 2 / 3.0, 3, 1 / 3.0));
  }

  @Test
  void break_leaves_the_loop_on_a_measured_condition() {
    // x r runs on every pass but the last (break comes first there): r = (N - 1) mod 2 = 1 with
    // 1/3. Were the break ignored, x r would run N times: r = 1 with 2/3.
    QuantumCircuit qc =
        flipsOfR(
            """
            while (c == 0) {
              h q;
              c = measure q;
              if (c) break;
              x r;
            }
            """);
    assertDistribution(qc, Map.of(1, 2 / 3.0, 3, 1 / 3.0));
    assertTrajectories(qc, Map.of(1, 2 / 3.0, 3, 1 / 3.0));
    roundTrip(qc);
  }

  @Test
  void continue_skips_the_rest_of_the_pass() {
    // x r runs only on the pass that read 1, the last one: r = 1 always. Were the continue
    // ignored, r = N mod 2 would be 1 with 2/3.
    QuantumCircuit qc =
        flipsOfR(
            """
            while (!c) {
              h q;
              c = measure q;
              if (!c) continue;
              x r;
            }
            """);
    assertDistribution(qc, Map.of(3, 1.0));
    roundTrip(qc);
  }

  @Test
  void while_true_with_a_measured_break_becomes_a_loop_of_the_circuit() {
    // The loop retries until q reads 1: c = 1. The flip of r on each retry gives r = (N - 1) mod 2
    // as above: 1 with 1/3.
    QuantumCircuit qc =
        flipsOfR(
            """
            while (true) {
              h q;
              c = measure q;
              if (c) { break; }
              x r;
            }
            """);
    assertThat(((WhileLoop) qc.data().getFirst().operation()).conditions()).isEmpty();
    assertThat(Qasm3.dumps(qc)).contains("while (true) {\n");
    assertDistribution(qc, Map.of(1, 2 / 3.0, 3, 1 / 3.0));
    roundTrip(qc);
  }

  @Test
  void a_static_while_still_unrolls_and_a_nested_static_for_runs_inside_a_dynamic_while() {
    // i counts to 2 while reading: x q twice is the identity. Inside the dynamic loop the for
    // applies h three times (= h), so each pass still reads 1 with 1/2: c = 1 at the end.
    assertDistribution(
        read(
            """
            qubit q;
            bit c;
            int i = 0;
            while (i < 2) { x q; i += 1; }
            while (c == 0) {
              for int j in [1:3] { h q; }
              c = measure q;
            }
            """),
        Map.of(1, 1.0));
  }

  @Test
  void nested_loops_break_the_inner_one_and_sample_per_shot_past_the_branch_limit() {
    // The inner loop retries until b reads 1 (its break leaves only the inner loop); the outer
    // one flips r once per pass and ends when a reads 1: r = outer passes mod 2 = 1 with 2/3.
    // Inner and outer retries multiply the branches past 4096, so the exact walk refuses and the
    // shots run one trajectory each. Keys: a (bit 0) and b (bit 1) are 1, m is bit 2.
    QuantumCircuit qc =
        read(
            """
            qubit w;
            qubit q;
            qubit r;
            bit a;
            bit b;
            bit m;
            while (!a) {
              while (true) { h q; b = measure q; if (b) break; }
              x r;
              h w;
              a = measure w;
            }
            m = measure r;
            """);
    assertThatThrownBy(() -> StatevectorSimulator.exactDistribution(qc))
        .isInstanceOf(SimulatorException.class)
        .hasMessageContaining("give more than 4096 outcome branches: run it with shots");
    int shots = 3000;
    Map<Integer, Integer> counts = StatevectorSimulator.sampleCounts(qc, shots, 5);
    assertThat(counts.keySet()).containsExactlyInAnyOrder(3, 7);
    // 5 standard deviations of a frequency at 3000 shots: 0.043
    assertThat(counts.get(7) / (double) shots).isCloseTo(2 / 3.0, within(0.043));
  }

  @Test
  void a_while_true_without_a_break_is_refused_at_once() {
    assertThatThrownBy(() -> read("qubit q;\nbit c;\nwhile (true) { h q; c = measure q; }\n"))
        .isInstanceOf(QasmParseException.class)
        .hasMessage(
            "<string>:5:8: this 'while' loop never ends: its condition is always true and its body"
                + " has no 'break' or 'return'; add one (if (c) break;) or a condition that changes");
  }

  @Test
  void a_loop_that_cannot_end_is_refused_when_it_runs() {
    // x x is the identity: q stays |0>, c reads 0 on every pass, the loop never ends.
    QuantumCircuit qc = read("qubit q;\nbit c;\nwhile (c == 0) { x q; x q; c = measure q; }\n");
    String message =
        "': a while loop made more than 100000 passes in one run (of probability 1.0) without its"
            + " condition turning false; make sure the loop ends, e.g. by measuring into the bits"
            + " its condition reads";
    assertThatThrownBy(() -> StatevectorSimulator.exactDistribution(qc))
        .isInstanceOf(SimulatorException.class)
        .hasMessage("circuit '" + qc.name() + message);
    assertThatThrownBy(() -> StatevectorSimulator.run(qc, 1))
        .isInstanceOf(SimulatorException.class)
        .hasMessage("circuit '" + qc.name() + message);
  }

  @Test
  void the_transpiler_refuses_a_loop_rather_than_route_around_it() {
    QuantumCircuit qc = read("qubit q;\nbit c;\nwhile (c == 0) { h q; c = measure q; }\n");
    assertThatThrownBy(() -> Transpiler.transpile(qc, Backends.get("fake_manila"), 1))
        .isInstanceOf(TranspilerException.class)
        .hasMessage(
            "the transpiler does not map a 'while_loop' (classical control decided while the"
                + " circuit runs); run the circuit on the simulator untranspiled");
  }

  @Test
  void what_one_unrolled_body_cannot_carry_from_pass_to_pass_is_refused_with_the_fix() {
    assertThatThrownBy(
            () ->
                read(
                    "qubit q;\nbit c;\nh q;\nc = measure q;\nint k = c;\n"
                        + "while (c == 0) { if (k == 1) x q; h q; c = measure q; }\n"))
        .isInstanceOf(QasmParseException.class)
        .hasMessage(
            "<string>:8:30: this reads c[0] as it was before a while loop on a measurement, but"
                + " the loop's later passes see its newer values; read the bit inside the loop, or"
                + " copy what you need with a measurement into another bit before the loop");
    assertThatThrownBy(
            () ->
                read(
                    "qubit q;\nbit c;\ndef f(qubit a) -> bit {\n  bit b;\n"
                        + "  while (b == 0) { h a; b = measure a; return b; }\n  return b;\n}\n"
                        + "c = f(q);\n"))
        .isInstanceOf(QasmParseException.class)
        .hasMessage(
            "<string>:7:40: 'return' inside a while loop on a measurement would end the subroutine"
                + " after a number of passes known only when the circuit runs; break out of the"
                + " loop and return after it");
  }
}
