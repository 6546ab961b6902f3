package io.qserverless.protocol.internal;

import io.qserverless.protocol.value.Complex;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format (what {@code np.save} writes) to Java arrays and back, for the {@code
 * ndarray} envelope and QPY's numpy parameters.
 *
 * <p>Format: magic {@code \x93NUMPY}, version, a little-endian header length, a Python dict literal
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }}, then the raw elements
 * (numpy.org/doc/stable/reference/generated/numpy.lib.format.html). Element types read: {@code
 * float64 → double}, {@code int64 → long}, {@code complex128 → Complex}, {@code bool → boolean}; a
 * 0-d array is the boxed scalar, a 1-d array {@code double[]}, a 2-d {@code double[][]}, and so on.
 * Anything else is refused with the dtype named.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /** The array {@code npy} holds, as described in the class comment. */
  public static Object read(byte[] npy) {
    ByteBuffer in = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
    for (byte b : MAGIC) {
      if (in.remaining() == 0 || in.get() != b) {
        throw new IllegalArgumentException(
            "not .npy data: it does not start with \\x93NUMPY (write it with np.save)");
      }
    }
    if (in.remaining() < 4) {
      throw new IllegalArgumentException(".npy data ends inside its header");
    }
    int major = in.get() & 0xff;
    in.get();
    long headerLength = major == 1 ? in.getShort() & 0xffff : in.getInt() & 0xffffffffL;
    if (headerLength > in.remaining()) {
      throw new IllegalArgumentException(
          ".npy header says " + headerLength + " bytes but " + in.remaining() + " follow");
    }
    String header =
        new String(
            npy,
            in.position(),
            (int) headerLength,
            major >= 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    in.position(in.position() + (int) headerLength);
    String descr = field(DESCR, header, "descr");
    boolean fortran = field(FORTRAN, header, "fortran_order").equals("True");
    int[] shape = shape(field(SHAPE, header, "shape"));
    Dtype dtype = Dtype.of(descr);
    in.order(descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    long count = 1;
    for (int d : shape) {
      count *= d;
      if (count * dtype.size > in.remaining()) {
        throw new IllegalArgumentException(
            ".npy shape "
                + java.util.Arrays.toString(shape)
                + " of "
                + descr
                + " needs more bytes than the "
                + in.remaining()
                + " that follow");
      }
    }
    if (count * dtype.size != in.remaining()) {
      throw new IllegalArgumentException(
          ".npy shape "
              + java.util.Arrays.toString(shape)
              + " of "
              + descr
              + " needs "
              + count * dtype.size
              + " bytes but "
              + in.remaining()
              + " follow");
    }
    int base = in.position();
    int[] strides = strides(shape, fortran);
    if (shape.length == 0) {
      return dtype.element(in, base);
    }
    return nested(in, base, dtype, shape, strides, 0, 0);
  }

  private static String field(Pattern p, String header, String name) {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw new IllegalArgumentException(".npy header has no '" + name + "': " + header.strip());
    }
    return m.group(1);
  }

  private static int[] shape(String text) {
    List<Integer> dims = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.strip();
      if (!p.isEmpty()) {
        int d = Integer.parseInt(p);
        if (d < 0) {
          throw new IllegalArgumentException(".npy shape has a negative dimension " + d);
        }
        dims.add(d);
      }
    }
    return dims.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int[] strides(int[] shape, boolean fortran) {
    int[] s = new int[shape.length];
    int step = 1;
    for (int k = 0; k < shape.length; k++) {
      int d = fortran ? k : shape.length - 1 - k;
      s[d] = step;
      step *= Math.max(shape[d], 1);
    }
    return s;
  }

  private static Object nested(
      ByteBuffer in, int base, Dtype dtype, int[] shape, int[] strides, int dim, int offset) {
    int n = shape[dim];
    if (dim == shape.length - 1) {
      Object row = Array.newInstance(dtype.component, n);
      for (int i = 0; i < n; i++) {
        Array.set(row, i, dtype.element(in, base + (offset + i * strides[dim]) * dtype.size));
      }
      return row;
    }
    Class<?> rowType =
        Array.newInstance(dtype.component, new int[shape.length - dim - 1]).getClass();
    Object out = Array.newInstance(rowType, n);
    for (int i = 0; i < n; i++) {
      Array.set(
          out, i, nested(in, base, dtype, shape, strides, dim + 1, offset + i * strides[dim]));
    }
    return out;
  }

  /** The .npy bytes of a 1-d complex128 array (as np.save writes it, header padded to 64 bytes). */
  public static byte[] writeComplex(List<Complex> values) {
    ByteBuffer data = ByteBuffer.allocate(16 * values.size()).order(ByteOrder.LITTLE_ENDIAN);
    for (Complex c : values) {
      data.putDouble(c.re()).putDouble(c.im());
    }
    return withHeader("<c16", values.size(), data.array());
  }

  private static byte[] withHeader(String descr, int length, byte[] data) {
    StringBuilder header =
        new StringBuilder(
            "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + length + ",), }");
    while ((MAGIC.length + 4 + header.length() + 1) % 64 != 0) {
      header.append(' ');
    }
    header.append('\n');
    byte[] h = header.toString().getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer out =
        ByteBuffer.allocate(MAGIC.length + 4 + h.length + data.length)
            .order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) h.length).put(h).put(data);
    return out.array();
  }

  private enum Dtype {
    FLOAT64(8, double.class),
    INT64(8, long.class),
    COMPLEX128(16, Complex.class),
    BOOL(1, boolean.class);

    final int size;
    final Class<?> component;

    Dtype(int size, Class<?> component) {
      this.size = size;
      this.component = component;
    }

    static Dtype of(String descr) {
      return switch (descr.replaceFirst("^[<>=|]", "")) {
        case "f8" -> FLOAT64;
        case "i8" -> INT64;
        case "c16" -> COMPLEX128;
        case "b1" -> BOOL;
        default ->
            throw new IllegalArgumentException(
                "ndarray dtype '"
                    + descr
                    + "' is not supported: send float64, int64, complex128 or bool (e.g. arr.astype(np.float64))");
      };
    }

    Object element(ByteBuffer in, int at) {
      return switch (this) {
        case FLOAT64 -> in.getDouble(at);
        case INT64 -> in.getLong(at);
        case COMPLEX128 -> new Complex(in.getDouble(at), in.getDouble(at + 8));
        case BOOL -> in.get(at) != 0;
      };
    }
  }
}
