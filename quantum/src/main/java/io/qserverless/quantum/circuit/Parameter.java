package io.qserverless.quantum.circuit;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A named symbolic circuit parameter, such as {@code theta} in {@code rx(theta) q[0]}.
 *
 * <p>Identity is the {@link #uuid()}, not the name (as in Qiskit): two parameters both called
 * {@code theta} are different symbols. The uuid travels in the circuit JSON encoding so that a
 * decoded circuit can still be bound with the sender's parameter objects.
 */
public record Parameter(String name, UUID uuid) implements ParameterExpression {

  public Parameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uuid, "uuid");
    if (!name.matches("[A-Za-z_\\p{L}][\\w\\p{L}\\[\\]]*")) {
      throw new IllegalArgumentException(
          "parameter name '"
              + name
              + "' is not an identifier: use letters, digits and _ (e.g. theta_1)");
    }
  }

  /** A new parameter with a fresh identity. */
  public Parameter(String name) {
    this(name, UUID.randomUUID());
  }

  @Override
  public Set<Parameter> parameters() {
    return Set.of(this);
  }

  @Override
  public ParameterExpression substitute(Map<Parameter, ? extends ParameterExpression> values) {
    ParameterExpression value = values.get(this);
    return value == null ? this : value;
  }

  @Override
  public double evaluate() {
    throw new IllegalStateException(
        "parameter '"
            + name
            + "' is unbound: assign it a value with assignParameters before simulating");
  }

  @Override
  public String toString() {
    return name;
  }
}
