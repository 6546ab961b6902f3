package io.qserverless.gateway.program;

import io.qserverless.gateway.error.TooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input stream that fails with 413 once more than {@code max} bytes have been read from it. */
final class CappedInputStream extends FilterInputStream {
  private final long max;
  private long read;

  CappedInputStream(InputStream in, long max) {
    super(in);
    this.max = max;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    count(b < 0 ? 0 : 1);
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    count(Math.max(n, 0));
    return n;
  }

  private void count(int n) {
    read += n;
    if (read > max) {
      throw new TooLargeException("The artifact is larger than the cap of " + max
          + " bytes; leave build outputs and data out of it, or ask the operator to raise the cap.");
    }
  }
}
