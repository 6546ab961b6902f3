package io.qserverless.quantum.simulator.internal;

/**
 * Where a state's interleaved (re, im) amplitudes live between sweeps: doubles, or floats for
 * single precision. Sweeps copy runs of amplitudes into a double buffer and back, so every gate
 * kernel is written once, in double.
 */
interface Storage {
  /**
   * Copies {@code amps} amplitudes from amplitude {@code from} into {@code buf} at double {@code
   * at}.
   */
  void read(int from, double[] buf, int at, int amps);

  /** The reverse of {@link #read}. */
  void write(double[] buf, int at, int to, int amps);

  static Storage of(double[] s) {
    return new Storage() {
      @Override
      public void read(int from, double[] buf, int at, int amps) {
        System.arraycopy(s, 2 * from, buf, at, 2 * amps);
      }

      @Override
      public void write(double[] buf, int at, int to, int amps) {
        System.arraycopy(buf, at, s, 2 * to, 2 * amps);
      }
    };
  }

  static Storage of(float[] f) {
    return new Storage() {
      @Override
      public void read(int from, double[] buf, int at, int amps) {
        for (int i = 2 * from, j = at, end = at + 2 * amps; j < end; i++, j++) {
          buf[j] = f[i];
        }
      }

      @Override
      public void write(double[] buf, int at, int to, int amps) {
        for (int i = 2 * to, j = at, end = at + 2 * amps; j < end; i++, j++) {
          f[i] = (float) buf[j];
        }
      }
    };
  }
}
