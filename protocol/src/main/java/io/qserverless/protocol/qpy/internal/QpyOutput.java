package io.qserverless.protocol.qpy.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * A growable big-endian byte buffer for writing QPY (with the little-endian parameter numbers of
 * QPY ≤ 17).
 */
public final class QpyOutput {
  private byte[] buf = new byte[256];
  private int size;

  public int size() {
    return size;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  private void ensure(int n) {
    if (size + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
    }
  }

  public QpyOutput u8(int v) {
    ensure(1);
    buf[size++] = (byte) v;
    return this;
  }

  public QpyOutput bool(boolean v) {
    return u8(v ? 1 : 0);
  }

  public QpyOutput u16(int v) {
    if (v < 0 || v > 0xffff) {
      throw new IllegalArgumentException("QPY field of 16 bits cannot hold " + v);
    }
    return u8(v >>> 8).u8(v);
  }

  public QpyOutput i32(int v) {
    return u8(v >>> 24).u8(v >>> 16).u8(v >>> 8).u8(v);
  }

  public QpyOutput i64(long v) {
    ensure(8);
    for (int i = 7; i >= 0; i--) {
      buf[size++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  public QpyOutput f64(double v) {
    return i64(Double.doubleToRawLongBits(v));
  }

  public QpyOutput i64LittleEndian(long v) {
    return i64(Long.reverseBytes(v));
  }

  public QpyOutput f64LittleEndian(double v) {
    return i64LittleEndian(Double.doubleToRawLongBits(v));
  }

  public QpyOutput uuid(UUID u) {
    return i64(u.getMostSignificantBits()).i64(u.getLeastSignificantBits());
  }

  public QpyOutput bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, size, b.length);
    size += b.length;
    return this;
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
