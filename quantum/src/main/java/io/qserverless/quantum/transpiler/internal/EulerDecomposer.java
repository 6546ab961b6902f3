package io.qserverless.quantum.transpiler.internal;

import static io.qserverless.quantum.transpiler.internal.SynthesisGates.I2;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.SX;
import static io.qserverless.quantum.transpiler.internal.SynthesisGates.X;

import io.qserverless.quantum.math.ComplexMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * Single-qubit synthesis in the IBM basis: any 2×2 unitary as at most {@code rz·sx·rz·sx·rz} (ZSX
 * Euler form), fewer when the rotation allows, up to global phase.
 *
 * <p>The angles come from the ZYZ form {@code U = e^{iα} Rz(φ) Ry(θ) Rz(λ)}; with {@code SX ≅
 * Rx(π/2)} the general case is {@code Rz(φ+π)·SX·Rz(θ+π)·SX·Rz(λ)}, and θ = 0, π/2, π need one,
 * three and two gates. Stateless.
 */
public final class EulerDecomposer {
  private static final double EPS = 1e-10;

  /** One gate of a synthesised sequence: {@code rz} with an angle, or {@code sx} / {@code x}. */
  public record Step(String name, double angle) {}

  private EulerDecomposer() {}

  /** ZYZ angles {θ, φ, λ} with {@code U ≅ Rz(φ)·Ry(θ)·Rz(λ)}. */
  public static double[] zyz(ComplexMatrix u) {
    double[] d = u.determinant();
    double half = Math.atan2(d[1], d[0]) / 2;
    double c = Math.cos(-half);
    double s = Math.sin(-half);
    double u00r = u.re(0, 0) * c - u.im(0, 0) * s;
    double u00i = u.re(0, 0) * s + u.im(0, 0) * c;
    double u10r = u.re(1, 0) * c - u.im(1, 0) * s;
    double u10i = u.re(1, 0) * s + u.im(1, 0) * c;
    double u11r = u.re(1, 1) * c - u.im(1, 1) * s;
    double u11i = u.re(1, 1) * s + u.im(1, 1) * c;
    double abs10 = Math.sqrt(u10r * u10r + u10i * u10i);
    double abs00 = Math.sqrt(u00r * u00r + u00i * u00i);
    double abs11 = Math.sqrt(u11r * u11r + u11i * u11i);
    double theta = 2 * Math.atan2(abs10, abs00);
    double sum = abs11 > EPS ? Math.atan2(u11i, u11r) : 0;
    double diff = abs10 > EPS ? Math.atan2(u10i, u10r) : 0;
    return new double[] {theta, sum + diff, sum - diff};
  }

  /**
   * The shortest rz/sx(/x) sequence for {@code u}, in time order (first step applied first).
   *
   * @param allowX whether the basis has {@code x}, used for half turns
   */
  public static List<Step> synthesize(ComplexMatrix u, boolean allowX) {
    double[] a = zyz(u);
    double theta = a[0];
    double phi = a[1];
    double lambda = a[2];
    List<Step> out = new ArrayList<>(5);
    if (Math.abs(theta) < EPS) {
      rz(out, phi + lambda);
    } else if (Math.abs(theta - Math.PI / 2) < EPS) {
      rz(out, lambda - Math.PI / 2);
      out.add(new Step("sx", 0));
      rz(out, phi + Math.PI / 2);
    } else if (allowX && Math.abs(theta - Math.PI) < EPS) {
      // Ry(π) ≅ X·Rz(π), and X·Rz(a) = Rz(-a)·X: one X and one RZ suffice.
      out.add(new Step("x", 0));
      rz(out, phi - lambda - Math.PI);
    } else {
      rz(out, lambda);
      out.add(new Step("sx", 0));
      rz(out, theta + Math.PI);
      out.add(new Step("sx", 0));
      rz(out, phi + Math.PI);
    }
    return out;
  }

  private static void rz(List<Step> out, double angle) {
    double t = normalize(angle);
    if (Math.abs(t) > EPS) {
      out.add(new Step("rz", t));
    }
  }

  /**
   * The angle brought into (-π, π], snapped to an exact multiple of π/4 when within 1e-12 of one
   * (so Clifford angles print as {@code pi/2} in OpenQASM, not as a nearby fraction).
   */
  public static double normalize(double angle) {
    double t = Math.IEEEremainder(angle, 2 * Math.PI);
    t = t <= -Math.PI ? t + 2 * Math.PI : t;
    double quarters = Math.rint(t / (Math.PI / 4));
    return Math.abs(t - quarters * Math.PI / 4) < 1e-12 ? quarters * Math.PI / 4 : t;
  }

  /** The matrix of a step sequence, for checks. */
  public static ComplexMatrix matrixOf(List<Step> steps) {
    ComplexMatrix m = I2;
    for (Step s : steps) {
      ComplexMatrix g =
          switch (s.name()) {
            case "rz" -> SynthesisGates.rz(s.angle());
            case "sx" -> SX;
            case "x" -> X;
            default -> throw new IllegalArgumentException(s.name());
          };
      m = g.multiply(m);
    }
    return m;
  }
}
