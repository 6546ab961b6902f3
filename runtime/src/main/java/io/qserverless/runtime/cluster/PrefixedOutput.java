package io.qserverless.runtime.cluster;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Output that starts every line with a prefix such as {@code [worker-2] }: a worker JVM's standard
 * output and error go to the job's log beside the driver's, and each line says where it came from.
 *
 * <p>Lines from several threads stay whole: a line is written out only once it ends (or at flush).
 */
public final class PrefixedOutput extends OutputStream {
  private final OutputStream out;
  private final byte[] prefix;
  private byte[] line = new byte[256];
  private int length;

  private PrefixedOutput(OutputStream out, String prefix) {
    this.out = out;
    this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Makes {@code System.out} and {@code System.err} of this JVM prefix each line with {@code
   * prefix}.
   */
  public static void install(String prefix) {
    System.setOut(stream(FileDescriptor.out, prefix));
    System.setErr(stream(FileDescriptor.err, prefix));
  }

  private static PrintStream stream(FileDescriptor fd, String prefix) {
    return new PrintStream(
        new PrefixedOutput(new FileOutputStream(fd), prefix), true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) throws IOException {
    if (length == line.length) {
      line = Arrays.copyOf(line, length * 2);
    }
    line[length++] = (byte) b;
    if (b == '\n') {
      writeLine();
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      write(b[i]);
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    if (length > 0 && line[length - 1] != '\n') {
      return; // an unfinished line waits for its end, so that lines of two threads never mix
    }
    out.flush();
  }

  /** One write per line: the job's log is one file that the driver and every worker append to. */
  private void writeLine() throws IOException {
    byte[] whole = Arrays.copyOf(prefix, prefix.length + length);
    System.arraycopy(line, 0, whole, prefix.length, length);
    out.write(whole);
    out.flush();
    length = 0;
  }
}
