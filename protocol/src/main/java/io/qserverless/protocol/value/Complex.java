package io.qserverless.protocol.value;

/**
 * A complex number as Python's {@code complex} travels: {@code {"__type__": "complex", "__value__":
 * [re, im]}}, and as the elements of a {@code complex128} ndarray.
 */
public record Complex(double re, double im) {
  public static Complex of(double re, double im) {
    return new Complex(re, im);
  }

  @Override
  public String toString() {
    return im >= 0 || Double.isNaN(im) ? "(" + re + "+" + im + "j)" : "(" + re + im + "j)";
  }
}
