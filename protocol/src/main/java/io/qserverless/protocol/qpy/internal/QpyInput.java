package io.qserverless.protocol.qpy.internal;

import io.qserverless.protocol.qpy.QpyException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A bounded cursor over QPY bytes: big-endian reads (QPY's network order) plus the little-endian
 * int and float that QPY 1–17 use for instruction parameters.
 *
 * <p>Every read checks the bytes left, so truncated or hostile input fails with a message naming
 * the field and offset instead of an index exception; counts read from the data are checked against
 * the bytes left before anything is allocated for them.
 */
public final class QpyInput {
  private final byte[] data;
  private final int limit;
  private int pos;

  public QpyInput(byte[] data) {
    this(data, 0, data.length);
  }

  private QpyInput(byte[] data, int start, int limit) {
    this.data = data;
    this.pos = start;
    this.limit = limit;
  }

  public int position() {
    return pos;
  }

  public int remaining() {
    return limit - pos;
  }

  /** Moves to an absolute offset of the whole payload (the QPY 16+ circuit table gives these). */
  public void seek(long offset, String what) {
    if (offset < 0 || offset > limit) {
      throw new QpyException(
          "QPY "
              + what
              + " points to offset "
              + offset
              + " but the payload has "
              + limit
              + " bytes: the data is corrupt or truncated");
    }
    pos = (int) offset;
  }

  /** A reader over the next {@code length} bytes, which this reader skips. */
  public QpyInput slice(long length, String what) {
    int n = need(length, what);
    QpyInput sub = new QpyInput(data, pos, pos + n);
    pos += n;
    return sub;
  }

  private int need(long n, String what) {
    if (n < 0 || n > limit - pos) {
      throw new QpyException(
          "QPY data ends early: "
              + what
              + " needs "
              + n
              + " bytes at offset "
              + pos
              + " but "
              + (limit - pos)
              + " are left; the payload is truncated or not QPY");
    }
    return (int) n;
  }

  /** Fails unless {@code count} items of at least {@code minSize} bytes each can still follow. */
  public int count(long count, int minSize, String what) {
    if (count < 0 || count > Integer.MAX_VALUE || count * (long) minSize > limit - pos) {
      throw new QpyException(
          "QPY data declares "
              + Long.toUnsignedString(count)
              + " "
              + what
              + " at offset "
              + pos
              + " but only "
              + (limit - pos)
              + " bytes are left: the payload is corrupt or truncated");
    }
    return (int) count;
  }

  public int u8(String what) {
    need(1, what);
    return data[pos++] & 0xff;
  }

  public char ascii(String what) {
    return (char) u8(what);
  }

  public boolean bool(String what) {
    return u8(what) != 0;
  }

  public int u16(String what) {
    need(2, what);
    int v = (data[pos] & 0xff) << 8 | data[pos + 1] & 0xff;
    pos += 2;
    return v;
  }

  public int i32(String what) {
    need(4, what);
    int v =
        (data[pos] & 0xff) << 24
            | (data[pos + 1] & 0xff) << 16
            | (data[pos + 2] & 0xff) << 8
            | data[pos + 3] & 0xff;
    pos += 4;
    return v;
  }

  /** An unsigned 32-bit value as a long. */
  public long u32(String what) {
    return i32(what) & 0xffffffffL;
  }

  /** An unsigned 32-bit count or index that must fit a Java int. */
  public int index32(String what) {
    long v = u32(what);
    if (v > Integer.MAX_VALUE) {
      throw new QpyException("QPY " + what + " is " + v + ", beyond what a circuit can hold");
    }
    return (int) v;
  }

  public long i64(String what) {
    need(8, what);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = v << 8 | data[pos + i] & 0xff;
    }
    pos += 8;
    return v;
  }

  public double f64(String what) {
    return Double.longBitsToDouble(i64(what));
  }

  public long i64LittleEndian(String what) {
    return Long.reverseBytes(i64(what));
  }

  public double f64LittleEndian(String what) {
    return Double.longBitsToDouble(i64LittleEndian(what));
  }

  public UUID uuid(String what) {
    return new UUID(i64(what), i64(what));
  }

  public byte[] bytes(long n, String what) {
    int len = need(n, what);
    byte[] out = new byte[len];
    System.arraycopy(data, pos, out, 0, len);
    pos += len;
    return out;
  }

  public void skip(long n, String what) {
    pos += need(n, what);
  }

  public String utf8(long n, String what) {
    int len = need(n, what);
    String s = new String(data, pos, len, StandardCharsets.UTF_8);
    pos += len;
    return s;
  }
}
