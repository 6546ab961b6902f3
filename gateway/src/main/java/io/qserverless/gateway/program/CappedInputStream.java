package io.qserverless.gateway.program;

import io.qserverless.gateway.error.TooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that fails with 413 once more than {@code max} bytes have been read or skipped
 * from it. Skipped bytes count too: a tar reader skips the data of entries it does not read, and
 * behind a gzip stream skipping costs the same decompression.
 */
final class CappedInputStream extends FilterInputStream {
  private final long max;
  private final String what;
  private long read;

  /** {@code what} begins the refusal, e.g. "The artifact is larger than". */
  CappedInputStream(InputStream in, long max, String what) {
    super(in);
    this.max = max;
    this.what = what;
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

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count(skipped);
    return skipped;
  }

  private void count(long n) {
    read += n;
    if (read > max) {
      throw new TooLargeException(
          what
              + " the cap of "
              + max
              + " bytes; leave build outputs and data out of it, or ask the operator to raise the cap.");
    }
  }
}
