package io.qserverless.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarArchiveTest {
  @TempDir Path dir;

  @Test
  void the_working_directory_is_packed_with_relative_paths_and_long_names_intact()
      throws Exception {
    Files.writeString(dir.resolve("Main.java"), "class Main {}");
    String longName = "a".repeat(120) + ".txt";
    Path sub = Files.createDirectories(dir.resolve("lib/deep"));
    Files.writeString(sub.resolve(longName), "x");

    Map<String, String> entries = new LinkedHashMap<>();
    try (TarArchiveInputStream in =
        new TarArchiveInputStream(new ByteArrayInputStream(TarArchive.of(dir)))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), new String(in.readAllBytes()));
      }
    }

    assertThat(entries)
        .containsExactly(
            Map.entry("Main.java", "class Main {}"), Map.entry("lib/deep/" + longName, "x"));
  }

  @Test
  void the_same_directory_gives_the_same_bytes() throws Exception {
    Files.writeString(dir.resolve("Main.java"), "class Main {}");
    byte[] first = TarArchive.of(dir);
    Files.setLastModifiedTime(
        dir.resolve("Main.java"), java.nio.file.attribute.FileTime.fromMillis(1));

    assertThat(TarArchive.of(dir)).isEqualTo(first);
  }
}
