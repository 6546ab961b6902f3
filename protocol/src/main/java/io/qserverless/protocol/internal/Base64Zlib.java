package io.qserverless.protocol.internal;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * {@code base64(zlib(bytes))}, the text form the Python client's encoder gives QPY circuits and
 * numpy arrays ({@code qiskit_ibm_runtime}'s {@code _serialize_and_encode}).
 *
 * <p>Inflating stops at {@link #MAX_INFLATED} bytes, so that a small argument cannot expand into
 * gigabytes (zlib reaches ratios above 1000:1).
 */
public final class Base64Zlib {
  /** The most bytes one value may inflate to. */
  public static final int MAX_INFLATED = 64 << 20;

  private Base64Zlib() {}

  /** True if {@code text} is base64 whose bytes start with a zlib header (as "eJ..." does). */
  public static boolean looksLikeIt(String text) {
    if (text.length() < 4 || text.length() % 4 != 0) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= 'A' && c <= 'Z'
          || c >= 'a' && c <= 'z'
          || c >= '0' && c <= '9'
          || c == '+'
          || c == '/'
          || c == '=')) {
        return false;
      }
    }
    byte[] head = Base64.getDecoder().decode(text.substring(0, 4));
    int cmf = head[0] & 0xff;
    int flg = head[1] & 0xff;
    return (cmf & 0x0f) == 8 && (cmf * 256 + flg) % 31 == 0;
  }

  /** The bytes {@code text} holds; {@code what} names the value in messages. */
  public static byte[] decode(String text, String what) {
    byte[] compressed;
    try {
      compressed = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not base64 (" + e.getMessage() + ")", e);
    }
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(compressed);
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, compressed.length * 4));
      byte[] buf = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buf);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalArgumentException(
              what + " is truncated zlib data: send base64(zlib.compress(data)) whole");
        }
        if (out.size() + n > MAX_INFLATED) {
          throw new IllegalArgumentException(
              what
                  + " inflates to more than "
                  + (MAX_INFLATED >> 20)
                  + " MiB: send it in smaller parts");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new IllegalArgumentException(what + " is not zlib data (" + e.getMessage() + ")", e);
    } finally {
      inflater.end();
    }
  }

  public static String encode(byte[] data) {
    Deflater deflater = new Deflater();
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 2));
      byte[] buf = new byte[8192];
      while (!deflater.finished()) {
        out.write(buf, 0, deflater.deflate(buf));
      }
      return Base64.getEncoder().encodeToString(out.toByteArray());
    } finally {
      deflater.end();
    }
  }
}
