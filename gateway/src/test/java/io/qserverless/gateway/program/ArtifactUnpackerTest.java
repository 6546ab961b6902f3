package io.qserverless.gateway.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.qserverless.gateway.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

/**
 * Generated archive entries: every name or link that would leave the directory is refused, and
 * nothing is ever written outside it; every safe one is unpacked where it says.
 */
class ArtifactUnpackerTest {
  private static final List<String> SAFE_PARTS =
      List.of("a", "b.txt", "src", "x.java", ".hidden", "dir.d", "..a", "a..");

  @Test
  void generated_unsafe_names_and_links_are_refused_and_write_nothing_outside() throws IOException {
    Random random = new Random(20260124);
    Path sandbox = Files.createTempDirectory("qs-unpack");
    for (int i = 0; i < 300; i++) {
      Path root = Files.createDirectories(sandbox.resolve("case" + i).resolve("root"));
      boolean asLink = random.nextBoolean();
      String name = asLink ? path(random, false) : path(random, true);
      // A link at depth d escapes with more than d "../", or with an absolute target.
      String target =
          random.nextInt(4) == 0
              ? "/etc/passwd"
              : "../".repeat(name.split("/").length + random.nextInt(2)) + "outside";
      byte[] tar = asLink ? tar(name, target, true) : tar(name, "content", false);
      Throwable refused =
          catchThrowable(
              () -> new ArtifactUnpacker(1 << 20, 100).unpack(new ByteArrayInputStream(tar), root));
      assertThat(refused)
          .as("entry %s (link to: %s)", name, asLink ? target : "-")
          .isInstanceOf(InvalidInputException.class);
      try (Stream<Path> s = Files.list(root.getParent())) {
        assertThat(s.toList()).as("nothing beside the root for %s", name).containsExactly(root);
      }
    }
  }

  @Test
  void generated_chains_of_links_never_resolve_or_write_outside() throws IOException {
    // Links among themselves ("l -> .", "m -> l/l/..") and files under their names, in any order:
    // whatever is accepted resolves inside, and nothing ever appears beside the root.
    Random random = new Random(13);
    Path sandbox = Files.createTempDirectory("qs-unpack-chains");
    List<String> names = List.of("l", "m", "n", "d/l");
    int accepted = 0;
    for (int i = 0; i < 300; i++) {
      Path root = Files.createDirectories(sandbox.resolve("case" + i).resolve("root"));
      List<String[]> entries = new java.util.ArrayList<>();
      for (int n = 1 + random.nextInt(4); n > 0; n--) {
        String name = names.get(random.nextInt(names.size()));
        if (random.nextInt(3) == 0) {
          entries.add(new String[] {name + "/f.txt", null});
          continue;
        }
        StringBuilder target =
            new StringBuilder(random.nextBoolean() ? "." : names.get(random.nextInt(names.size())));
        for (int k = random.nextInt(3); k > 0; k--) {
          target
              .append('/')
              .append(random.nextBoolean() ? ".." : names.get(random.nextInt(names.size())));
        }
        entries.add(new String[] {name, target.toString()});
      }
      byte[] tar = tar(entries);
      Throwable refused =
          catchThrowable(
              () -> new ArtifactUnpacker(1 << 20, 100).unpack(new ByteArrayInputStream(tar), root));
      String what =
          entries.stream().map(e -> e[0] + (e[1] == null ? "" : " -> " + e[1])).toList().toString();
      try (Stream<Path> s = Files.list(root.getParent())) {
        assertThat(s.toList()).as("nothing beside the root for %s", what).containsExactly(root);
      }
      if (refused == null) {
        accepted++;
        try (Stream<Path> s = Files.walk(root)) {
          for (Path p : s.toList()) {
            assertThat(p.toRealPath()).as("%s in %s", p, what).startsWith(root.toRealPath());
          }
        }
      } else {
        assertThat(refused).as(what).isInstanceOf(InvalidInputException.class);
      }
    }
    assertThat(accepted).as("some generated cases are safe and accepted").isGreaterThan(20);
  }

  @Test
  void generated_safe_names_are_unpacked_at_their_path() throws IOException {
    Random random = new Random(7);
    for (int i = 0; i < 100; i++) {
      Path root = Files.createTempDirectory("qs-unpack-safe");
      String name = path(random, false);
      new ArtifactUnpacker(1 << 20, 100)
          .unpack(new ByteArrayInputStream(tar(name, "hi", false)), root);
      assertThat(root.resolve(name)).as(name).hasContent("hi");
    }
  }

  /**
   * A relative path of 1-3 safe parts; when {@code unsafe}, made absolute or given a ".." segment
   * (at the start, or in the middle), which the unpacker must refuse even where it would not climb.
   */
  private static String path(Random random, boolean unsafe) {
    StringBuilder b = new StringBuilder(SAFE_PARTS.get(random.nextInt(SAFE_PARTS.size())));
    for (int n = random.nextInt(3); n > 0; n--) {
      b.append('/').append(SAFE_PARTS.get(random.nextInt(SAFE_PARTS.size())));
    }
    if (!unsafe) {
      return b.toString();
    }
    return switch (random.nextInt(3)) {
      case 0 -> "/" + b;
      case 1 -> "../".repeat(1 + random.nextInt(3)) + b;
      default -> b.insert(b.indexOf("/") < 0 ? 0 : b.indexOf("/") + 1, "../").toString();
    };
  }

  /** A tar of {name, link target} pairs; a null target makes a regular file. */
  private static byte[] tar(List<String[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
      for (String[] e : entries) {
        TarArchiveEntry entry =
            e[1] == null
                ? new TarArchiveEntry(e[0], true)
                : new TarArchiveEntry(e[0], TarConstants.LF_SYMLINK);
        byte[] bytes = e[1] == null ? "x".getBytes() : new byte[0];
        if (e[1] != null) {
          entry.setLinkName(e[1]);
        }
        entry.setSize(bytes.length);
        t.putArchiveEntry(entry);
        t.write(bytes);
        t.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }

  private static byte[] tar(String name, String content, boolean link) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
      t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      TarArchiveEntry e =
          link
              ? new TarArchiveEntry(name, TarConstants.LF_SYMLINK)
              : new TarArchiveEntry(name, true);
      byte[] bytes = link ? new byte[0] : content.getBytes();
      if (link) {
        e.setLinkName(content);
      }
      e.setSize(bytes.length);
      t.putArchiveEntry(e);
      t.write(bytes);
      t.closeArchiveEntry();
    }
    return out.toByteArray();
  }
}
