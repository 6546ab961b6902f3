package io.qserverless.protocol.qpy;

import static org.assertj.core.api.Assertions.assertThat;

import io.qserverless.quantum.circuit.CircuitInstruction;
import io.qserverless.quantum.circuit.ClassicalRegister;
import io.qserverless.quantum.circuit.Delay;
import io.qserverless.quantum.circuit.Gate;
import io.qserverless.quantum.circuit.GateDefinition;
import io.qserverless.quantum.circuit.Parameter;
import io.qserverless.quantum.circuit.ParameterExpression;
import io.qserverless.quantum.circuit.ParameterExpression.Function;
import io.qserverless.quantum.circuit.QuantumCircuit;
import io.qserverless.quantum.circuit.QuantumRegister;
import io.qserverless.quantum.circuit.StandardGate;
import io.qserverless.quantum.circuit.random.RandomCircuit;
import io.qserverless.quantum.simulator.Statevector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Java → QPY → Java over seeded random circuits, at every supported version: the circuit comes back
 * equal (registers, instructions, exact parameter expressions, phase, name, metadata), and the
 * state it prepares is the same. Plain JUnit with SplittableRandom seeds, so a failure names its
 * seed.
 */
class RoundTripTest {
  private static final int CIRCUITS = 150;
  private static final Function[] FUNCTIONS = {
    Function.NEG,
    Function.SIN,
    Function.COS,
    Function.TAN,
    Function.ASIN,
    Function.ACOS,
    Function.ATAN,
    Function.EXP,
    Function.LN,
    Function.ABS
  };

  private static QuantumCircuit back(QuantumCircuit qc, int version) {
    List<QuantumCircuit> read = Qpy.load(Qpy.dump(List.of(qc), version));
    assertThat(read).hasSize(1);
    return read.get(0);
  }

  private static void assertSame(QuantumCircuit back, QuantumCircuit qc, String where) {
    assertThat(back).as(where).isEqualTo(qc);
    assertThat(back.name()).as(where).isEqualTo(qc.name());
    assertThat(back.metadata()).as(where).isEqualTo(qc.metadata());
  }

  @Test
  void random_circuits_with_measures_resets_and_conditions_come_back_equal_at_every_version() {
    for (long seed = 0; seed < CIRCUITS; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      QuantumCircuit qc =
          RandomCircuit.randomCircuit(
              1 + rnd.nextInt(5),
              1 + rnd.nextInt(5),
              4,
              rnd.nextBoolean(),
              rnd.nextBoolean(),
              rnd.nextBoolean(),
              seed);
      qc.setGlobalPhase(rnd.nextDouble() * 6)
          .setMetadata(Map.of("seed", seed, "tags", List.of("a", 1L)));
      for (int version = Qpy.MIN_VERSION; version <= Qpy.MAX_VERSION; version++) {
        assertSame(back(qc, version), qc, "seed " + seed + " version " + version);
      }
    }
  }

  @Test
  void parameterized_circuits_keep_their_exact_expressions_and_bind_to_the_same_state() {
    for (long seed = 0; seed < CIRCUITS; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      List<Parameter> params =
          List.of(new Parameter("a"), new Parameter("b"), new Parameter("θ[0]"));
      QuantumCircuit random =
          RandomCircuit.randomCircuit(1 + rnd.nextInt(4), 1 + rnd.nextInt(4), seed);
      QuantumCircuit qc = random.copyEmpty();
      for (CircuitInstruction in : random.data()) {
        Gate g = (Gate) in.operation();
        ParameterExpression[] p = new ParameterExpression[g.params().size()];
        for (int i = 0; i < p.length; i++) {
          p[i] = rnd.nextInt(3) == 0 ? g.params().get(i) : expression(rnd, params, 3);
        }
        qc.append(in.withOperation(g.standardGate().sized(g.numQubits(), p)));
      }
      qc.setGlobalPhase(expression(rnd, params, 2));
      qc.delay(100, 0, "dt");
      Map<Parameter, Double> binding = new HashMap<>();
      params.forEach(p -> binding.put(p, 0.1 + rnd.nextDouble()));
      Statevector expected = Statevector.fromCircuit(qc.assignParameters(binding));
      boolean finite = Double.isFinite(expected.norm2()); // e.g. ln of a negative angle gives NaN
      for (int version = Qpy.MIN_VERSION; version <= Qpy.MAX_VERSION; version++) {
        QuantumCircuit back = back(qc, version);
        assertSame(back, qc, "seed " + seed + " version " + version);
        Statevector state = Statevector.fromCircuit(back.assignParameters(binding));
        assertThat(!finite || state.equivalent(expected, 1e-9)).as("seed " + seed).isTrue();
      }
    }
  }

  /**
   * A random expression tree over {@code params} with constants, arithmetic and the functions QPY
   * has op codes for.
   */
  private static ParameterExpression expression(
      SplittableRandom rnd, List<Parameter> params, int depth) {
    if (depth == 0 || rnd.nextInt(4) == 0) {
      return rnd.nextBoolean()
          ? params.get(rnd.nextInt(params.size()))
          : ParameterExpression.of(rnd.nextInt(1, 9) / 4.0);
    }
    return switch (rnd.nextInt(7)) {
      case 0 -> expression(rnd, params, depth - 1).add(expression(rnd, params, depth - 1));
      case 1 -> expression(rnd, params, depth - 1).sub(expression(rnd, params, depth - 1));
      case 2 -> expression(rnd, params, depth - 1).mul(expression(rnd, params, depth - 1));
      case 3 -> expression(rnd, params, depth - 1).div(expression(rnd, params, depth - 1));
      case 4 -> expression(rnd, params, depth - 1).pow(ParameterExpression.of(rnd.nextInt(1, 3)));
      default -> expression(rnd, params, depth - 1).apply(FUNCTIONS[rnd.nextInt(FUNCTIONS.length)]);
    };
  }

  @Test
  void a_literal_before_a_sub_expression_keeps_its_side_for_every_operator() {
    Parameter x = new Parameter("x");
    ParameterExpression sum = x.add(1);
    QuantumCircuit qc = new QuantumCircuit(1);
    for (ParameterExpression e :
        List.of(
            ParameterExpression.of(2).sub(sum),
            ParameterExpression.of(2).div(sum),
            ParameterExpression.of(2).pow(sum),
            x.sub(sum),
            x.div(sum.mul(x)),
            ParameterExpression.of(3).add(sum),
            ParameterExpression.of(3).mul(sum),
            sum.neg(),
            x.mul(-1))) {
      qc.append(StandardGate.RZ.gate(e), 0);
    }
    assertThat(back(qc, 17)).isEqualTo(qc);
  }

  @Test
  void sqrt_travels_as_a_power_of_one_half_with_the_same_value() {
    Parameter x = new Parameter("x");
    QuantumCircuit qc = new QuantumCircuit(1);
    qc.append(StandardGate.RX.gate(x.apply(Function.SQRT)), 0);

    ParameterExpression read = back(qc, 16).data().get(0).operation().params().get(0);
    assertThat(read.substitute(Map.of(x, ParameterExpression.of(2))).evaluate())
        .isEqualTo(Math.sqrt(2));
  }

  @Test
  void registers_conditions_and_variable_size_gates_survive() {
    QuantumRegister a = new QuantumRegister(2, "a");
    QuantumRegister b = new QuantumRegister(3, "anc");
    ClassicalRegister c = new ClassicalRegister(2, "out");
    ClassicalRegister d = new ClassicalRegister(1, "flag");
    QuantumCircuit qc = new QuantumCircuit(a, b, c, d).setName("named");
    qc.h(0).measure(0, 0).x(1).cIf(c, 2).x(2).cIf(2, 1);
    qc.append(StandardGate.MCX.sized(5), 0, 1, 2, 3, 4);
    qc.append(StandardGate.MCP.sized(3, ParameterExpression.of(0.3)), 4, 0, 1);
    qc.append(StandardGate.C3SX.gate(), 0, 1, 2, 3);
    qc.reset(3).barrier(0, 4).append(new Delay(ParameterExpression.of(40), "dt"), 2);

    for (int version = Qpy.MIN_VERSION; version <= Qpy.MAX_VERSION; version++) {
      assertSame(back(qc, version), qc, "version " + version);
    }
  }

  @Test
  void custom_gates_come_back_with_the_same_definition_and_unitary() {
    // mygate(θ) q0, q1 { h q0; rz(θ) q1; cx q0, q1; }
    Parameter theta = new Parameter("θ");
    QuantumCircuit body = new QuantumCircuit(2).h(0);
    body.append(StandardGate.RZ.gate(theta), 1);
    body.cx(0, 1);
    GateDefinition mygate = new GateDefinition("mygate", List.of(theta), body);
    Parameter phi = new Parameter("phi");
    QuantumCircuit qc = new QuantumCircuit(3);
    qc.append(mygate.gate(phi.mul(2)), 0, 2);
    qc.append(mygate.gate(ParameterExpression.of(0.7)), 1, 0);

    QuantumCircuit back = back(qc, 15);
    assertThat(back.data()).hasSize(2);
    Gate first = (Gate) back.data().get(0).operation();
    assertThat(first.name()).isEqualTo("mygate");
    assertThat(first.definition().orElseThrow())
        .isEqualTo(((Gate) qc.data().get(0).operation()).definition().orElseThrow());
    assertThat(back.decompose()).isEqualTo(qc.decompose());
    Map<Parameter, Double> bind = Map.of(phi, 0.4);
    assertThat(
            Statevector.fromCircuit(back.assignParameters(bind))
                .equivalent(Statevector.fromCircuit(qc.assignParameters(bind)), 1e-12))
        .isTrue();
  }

  @Test
  void several_circuits_in_one_payload_come_back_in_order() {
    List<QuantumCircuit> circuits = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      circuits.add(RandomCircuit.randomCircuit(3, 3, i).setName("c" + i));
    }
    for (int version : new int[] {13, 15, 16, 17}) {
      assertThat(Qpy.load(Qpy.dump(circuits, version))).isEqualTo(circuits);
    }
  }
}
