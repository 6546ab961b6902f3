package io.qserverless.protocol.value;

import io.qserverless.protocol.internal.Base64Zlib;
import io.qserverless.protocol.internal.Npy;
import tools.jackson.databind.JsonNode;

/**
 * A numpy {@code ndarray} as the Python client's encoder sends it: base64 of zlib'd {@code .npy}
 * (read into {@code double[]}, {@code long[][]}, {@code Complex[]}, ... as {@link Npy} says), or a
 * plain JSON list for object arrays (read as a list). Decoded only: Java arrays are written as JSON
 * lists, which numpy and the Python client read as lists.
 */
final class NdArrayValue implements TypedValue<Object> {
  @Override
  public String name() {
    return "ndarray";
  }

  @Override
  public Class<Object> type() {
    return null;
  }

  @Override
  public JsonNode encode(Object value) {
    throw new UnsupportedOperationException("ndarray values are only decoded");
  }

  @Override
  public Object decode(JsonNode value) {
    if (value.isArray() || value.isNumber()) {
      return Values.fromTree(value);
    }
    if (!value.isString()) {
      throw new ValueEncodingException(
          "an ndarray value is " + value + ": expected base64 of zlib'd .npy bytes");
    }
    try {
      return Npy.read(Base64Zlib.decode(value.asString(), "the ndarray value"));
    } catch (IllegalArgumentException e) {
      throw new ValueEncodingException(e.getMessage(), e);
    }
  }

  /** The complex coefficients of an ndarray envelope, for {@code SparsePauliOp}. */
  static String encodeComplex(java.util.List<Complex> values) {
    return Base64Zlib.encode(Npy.writeComplex(values));
  }
}
