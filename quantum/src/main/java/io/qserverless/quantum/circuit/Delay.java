package io.qserverless.quantum.circuit;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An idle period on one qubit; the ideal simulator treats it as identity.
 *
 * @param unit one of {@code dt, ns, us, ms, s} (OpenQASM 3 units; {@code dt} is the backend's
 *     sample time)
 */
public record Delay(ParameterExpression duration, String unit) implements Operation {
  private static final Set<String> UNITS = Set.of("dt", "ns", "us", "ms", "s");

  public Delay {
    if (duration == null) {
      throw new IllegalArgumentException("a delay needs a duration, got none");
    }
    if (!UNITS.contains(unit)) {
      throw new IllegalArgumentException(
          "delay unit '" + unit + "' is unknown: use one of dt, ns, us, ms, s");
    }
  }

  @Override
  public String name() {
    return "delay";
  }

  @Override
  public int numQubits() {
    return 1;
  }

  @Override
  public int numClbits() {
    return 0;
  }

  @Override
  public List<ParameterExpression> params() {
    return List.of(duration);
  }

  @Override
  public Operation substitute(Map<Parameter, ? extends ParameterExpression> values) {
    return new Delay(duration.substitute(values), unit);
  }
}
