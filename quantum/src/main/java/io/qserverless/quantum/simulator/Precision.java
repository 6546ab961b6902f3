package io.qserverless.quantum.simulator;

/**
 * How the simulator stores amplitudes. Arithmetic is always double; {@link #SINGLE} (float32)
 * rounds each amplitude to a 24-bit mantissa (relative 6e-8) every time a pass writes it back,
 * halving memory and memory traffic: 29 qubits take 4 GiB instead of 8. Over a circuit the rounding
 * adds up to about 1e-7 per probability for tens of passes (SimulatorPrecisionTest bounds it at
 * 1e-6 on random circuits); outcomes under that are noise, so exact distributions in single
 * precision drop outcomes below 1e-6 instead of 1e-12.
 */
public enum Precision {
  /** float64 amplitudes, 16 bytes each: the default. */
  DOUBLE(16, 1e-12),
  /** float32 amplitudes, 8 bytes each. */
  SINGLE(8, 1e-6);

  private final int bytesPerAmplitude;
  private final double tolerance;

  Precision(int bytesPerAmplitude, double tolerance) {
    this.bytesPerAmplitude = bytesPerAmplitude;
    this.tolerance = tolerance;
  }

  /** Bytes of a state of {@code numQubits} qubits in this precision. */
  public long stateBytes(int numQubits) {
    return (long) bytesPerAmplitude << numQubits;
  }

  /** Outcomes with probability at most this are dropped from exact distributions. */
  public double tolerance() {
    return tolerance;
  }
}
