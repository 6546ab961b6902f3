package io.qserverless.examples.programs;

import static io.qserverless.runtime.Serverless.arguments;
import static io.qserverless.runtime.Serverless.files;
import static io.qserverless.runtime.Serverless.saveResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The seed's "Manage data across your program": downloads a tar the user uploaded, extracts it, and
 * stores a new tar ({@code summary.tar}) that lists what it found, for the user to download.
 *
 * <p>Arguments: {@code input} (the stored tar's name), {@code output} (default {@code
 * summary.tar}).
 */
public final class FileRoundTrip {
  private FileRoundTrip() {}

  public static void main(String[] args) throws IOException {
    String input = arguments().getString("input");
    String output = arguments().get("output", String.class, "summary.tar");
    List<String> storedBefore = files().list();
    Path work = Files.createTempDirectory("files-example");
    Path tar = files().download(input, work);

    List<String> lines = new ArrayList<>();
    for (Path file : extract(tar, work.resolve("extracted"))) {
      lines.add(file.getFileName() + ": " + Files.readString(file, StandardCharsets.UTF_8).strip());
    }
    Path summary = work.resolve(output);
    writeTar(summary, "summary.txt", String.join("\n", lines) + "\n");
    files().upload(summary);
    saveResult(Map.of("stored_before", storedBefore, "extracted", lines, "uploaded", output));
  }

  /** Extracts the regular files of {@code tar} into {@code dir}, refusing entries that leave it. */
  private static List<Path> extract(Path tar, Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(tar);
        TarArchiveInputStream entries = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
        Path target = dir.resolve(e.getName()).normalize();
        if (!target.startsWith(dir)) {
          throw new IOException(
              "tar entry " + e.getName() + " points outside the extraction directory");
        }
        if (e.isFile()) {
          Files.createDirectories(target.getParent());
          Files.copy(entries, target);
          out.add(target);
        }
      }
    }
    return out;
  }

  private static void writeTar(Path tar, String name, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try (OutputStream file = Files.newOutputStream(tar);
        TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
      TarArchiveEntry entry = new TarArchiveEntry(name);
      entry.setSize(bytes.length);
      out.putArchiveEntry(entry);
      out.write(bytes);
      out.closeArchiveEntry();
    }
  }
}
