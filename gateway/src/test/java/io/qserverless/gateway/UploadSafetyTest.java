package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import javax.tools.ToolProvider;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every unsafe or broken upload is refused with a clear message and leaves no function behind. */
class UploadSafetyTest {
  static GatewayHarness gw;
  static String user;

  @BeforeAll
  static void start() {
    gw = GatewayHarness.start(b -> b.maxUploadEntries(5).maxUploadBytes(64 * 1024));
    user = gw.token();
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  @Test
  void an_entry_with_an_absolute_path_is_refused() {
    assertRefused(tarWith(t -> entry(t, "/etc/evil.sh", "x")), 400, "absolute path");
  }

  @Test
  void an_entry_with_dot_dot_is_refused() {
    assertRefused(tarWith(t -> entry(t, "a/../../evil.sh", "x")), 400, "contains '..'");
  }

  @Test
  void a_symlink_pointing_outside_is_refused() {
    assertRefused(
        tarWith(t -> link(t, "escape", "../../../etc/passwd")),
        400,
        "outside the uploaded directory");
    assertRefused(
        tarWith(t -> link(t, "abs", "/etc/passwd")), 400, "outside the uploaded directory");
  }

  @Test
  void a_link_through_a_link_to_a_link_is_refused_and_writes_nothing_outside() throws IOException {
    // Issue 13, attack 1: "l -> ." makes "l/l/.../../.." (as text: ".") resolve to "/" in the
    // kernel.
    Path victimDir = Files.createTempDirectory("qs-victim");
    Path victim = victimDir.resolve("victim");
    String escape = "l/".repeat(30) + "../".repeat(30);
    assertRefused(
        tarWith(
            t -> {
              link(t, "l", ".");
              link(t, "esc", escape);
              entry(t, "esc" + victim, "overwritten");
            }),
        400,
        "'esc'");
    assertRefused(
        tarWith(
            t -> {
              link(t, "l", ".");
              link(t, "esc", escape);
            }),
        400,
        "outside the uploaded directory");
    assertRefused(
        tarWith(
            t -> {
              link(t, "l", ".");
              link(t, "m", "l/l/..");
            }),
        400,
        "outside the uploaded directory");
    assertThat(victim).doesNotExist();
    assertNothingHalfWritten();
  }

  @Test
  void a_file_written_under_a_links_name_is_refused() {
    assertRefused(
        tarWith(
            t -> {
              link(t, "d", "sub");
              entry(t, "d/x.txt", "through the link");
            }),
        400,
        "two entries named 'd'");
    assertRefused(
        tarWith(
            t -> {
              link(t, "s", "target.txt");
              entry(t, "s", "over the link");
            }),
        400,
        "two entries named 's'");
  }

  @Test
  void a_dangling_or_looping_symlink_is_refused() {
    assertRefused(
        tarWith(t -> link(t, "gone", "missing.txt")), 400, "does not exist in the archive");
    assertRefused(
        tarWith(
            t -> {
              link(t, "a", "b");
              link(t, "b", "a");
            }),
        400,
        "cannot be resolved");
  }

  @Test
  void a_link_inside_the_directory_is_kept() {
    GatewayHarness.Answer a =
        gw.upload(
            user,
            "linked",
            "run.sh",
            tarWith(
                t -> {
                  entry(t, "lib/real.sh", "#!/bin/sh\necho linked\n");
                  link(t, "run.sh", "lib/real.sh");
                  link(t, "l", ".");
                  link(t, "deep", "l/l/lib/../lib");
                }));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
  }

  @Test
  void a_dangling_hard_link_is_refused() {
    assertRefused(
        tarWith(
            t -> {
              TarArchiveEntry e = new TarArchiveEntry("h", TarConstants.LF_LINK);
              e.setLinkName("missing.txt");
              put(t, e, new byte[0]);
            }),
        400,
        "hard link to 'missing.txt', which is not a file in the archive");
  }

  @Test
  void a_gzip_that_unpacks_past_the_cap_answers_413() throws IOException {
    // Issue 13, attack 4: the cap (64 KiB here) counts unpacked bytes, not only the ~1 KiB
    // uploaded.
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(
          tarWith(
              t -> {
                entry(t, "a.bin", "\0".repeat(40_000));
                entry(t, "b.bin", "\0".repeat(40_000));
              }));
    }
    assertThat(gz.size()).isLessThan(4096);
    assertRefused(gz.toByteArray(), 413, "unpacks to more than the cap of 65536 bytes");
    assertNothingHalfWritten();
  }

  @Test
  void an_entry_declaring_more_than_it_holds_is_refused() throws IOException {
    // Issue 13, attack 7: a header declaring 100 GiB followed by 4 KiB of data.
    TarArchiveEntry huge = new TarArchiveEntry("huge.bin");
    huge.setSize(100L << 30);
    byte[] header = new byte[512];
    huge.writeEntryHeader(
        header,
        org.apache.commons.compress.archivers.zip.ZipEncodingHelper.getZipEncoding("UTF-8"),
        true);
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    tar.write(header);
    tar.write(new byte[4096]);
    assertRefused(tar.toByteArray(), 413, "'huge.bin' declares 107374182400 bytes");
    byte[] whole = tarWith(t -> entry(t, "cut.bin", "x".repeat(20_000)));
    assertRefused(Arrays.copyOf(whole, 512 + 4096), 400, "truncated or corrupt in entry 'cut.bin'");
  }

  @Test
  void a_path_past_the_systems_limit_is_refused() {
    assertRefused(
        tarWith(t -> entry(t, "d/".repeat(2100) + "f.txt", "x")),
        400,
        "past the system's limit of 4096");
    assertRefused(
        tarWith(t -> entry(t, "n".repeat(300) + ".txt", "x")),
        400,
        "past the system's limit of 255 bytes");
  }

  @Test
  void a_main_class_needing_the_gateways_own_classes_is_refused_at_upload() throws IOException {
    // Issue 13, attack 8: the check used to load the class with the gateway's class loader, where
    // Jetty is.
    assertThat(
            gw.upload(
                    user,
                    "jetty-main",
                    "Main",
                    classTar(
                        "Main",
                        """
        public class Main extends org.eclipse.jetty.util.component.AbstractLifeCycle {
          public static void main(String[] args) {}
        }
        """))
                .message())
        .contains("cannot be loaded on the job's class path")
        .contains("org/eclipse/jetty");
    GatewayHarness.Answer a =
        gw.upload(
            user,
            "gateway-main",
            "Main",
            classTar(
                "Main",
                """
        public abstract class Main implements io.qserverless.gateway.file.FileStore {
          public static void main(String[] args) {}
        }
        """));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message()).contains("io/qserverless/gateway/file/FileStore");
  }

  @Test
  void a_device_file_is_refused() {
    assertRefused(
        tarWith(
            t -> {
              TarArchiveEntry e = new TarArchiveEntry("dev", TarConstants.LF_CHR);
              put(t, e, new byte[0]);
            }),
        400,
        "device file");
  }

  @Test
  void more_entries_than_the_cap_answer_413() {
    assertRefused(
        tarWith(
            t -> {
              for (int i = 0; i < 6; i++) {
                entry(t, "f" + i + ".txt", "x");
              }
            }),
        413,
        "more than 5 entries");
  }

  @Test
  void an_artifact_over_the_size_cap_answers_413() {
    assertRefused(tarWith(t -> entry(t, "big.bin", "x".repeat(100_000))), 413, "cap");
  }

  @Test
  void bytes_that_are_not_a_tar_are_refused() {
    assertRefused("definitely not a tar archive".getBytes(), 400, "not");
  }

  @Test
  void a_missing_entrypoint_is_refused() {
    GatewayHarness.Answer a =
        gw.upload(user, "t", "Missing.java", tarWith(t -> entry(t, "Other.txt", "x")));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message()).contains("'Missing.java' is not in the uploaded directory");
  }

  @Test
  void a_compile_error_comes_back_at_upload_with_the_compiler_message() {
    GatewayHarness.Answer a =
        gw.upload(
            user,
            "t",
            "Broken.java",
            tarWith(
                t ->
                    entry(
                        t, "Broken.java", "public class Broken { void f() { int x = \"s\"; } }")));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message())
        .contains("does not compile")
        .contains("Broken.java:1")
        .contains("incompatible types");
  }

  @Test
  void a_class_without_main_is_refused() {
    GatewayHarness.Answer a =
        gw.upload(
            user,
            "t",
            "NoMain.java",
            tarWith(t -> entry(t, "NoMain.java", "public class NoMain {}")));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message()).contains("has no 'public static void main(String[] args)'");
  }

  @Test
  void a_bad_title_is_refused() {
    GatewayHarness.Answer a =
        gw.upload(
            user, "../x", "run.sh", GatewayHarness.tar(Map.of("run.sh", "#!/bin/sh\n".getBytes())));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message()).contains("title '../x' is not valid");
  }

  @Test
  void a_reupload_makes_a_new_revision() {
    byte[] v1 = GatewayHarness.tar(Map.of("run.sh", "#!/bin/sh\necho 1\n".getBytes()));
    byte[] v2 = GatewayHarness.tar(Map.of("run.sh", "#!/bin/sh\necho 2\n".getBytes()));
    assertThat(gw.upload(user, "versions", "run.sh", v1).json().get("revision").asInt())
        .isEqualTo(1);
    assertThat(gw.upload(user, "versions", "run.sh", v2).json().get("revision").asInt())
        .isEqualTo(2);
  }

  /**
   * A refused upload leaves no unpacking directory behind (ArtifactStore unpacks into ".tmp-*").
   */
  private static void assertNothingHalfWritten() throws IOException {
    try (Stream<Path> s = Files.list(gw.dataDir.resolve("artifacts"))) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
    }
  }

  /**
   * A tar of one class compiled from {@code source} against the test class path (which has the
   * gateway's libraries).
   */
  private static byte[] classTar(String name, String source) throws IOException {
    Path dir = Files.createTempDirectory("qs-class");
    Path java = Files.writeString(dir.resolve(name + ".java"), source);
    int rc =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "-d",
                dir.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                java.toString());
    assertThat(rc).isZero();
    byte[] bytes = Files.readAllBytes(dir.resolve(name + ".class"));
    return GatewayHarness.tar(Map.of(name + ".class", bytes));
  }

  private static void assertRefused(byte[] tar, int status, String text) {
    GatewayHarness.Answer a = gw.upload(user, "refused", "run.sh", tar);
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.message()).contains(text);
    assertThat(gw.get("/api/v1/programs/get_by_title/refused/", user).status()).isEqualTo(404);
  }

  interface TarWriter {
    void write(TarArchiveOutputStream t) throws IOException;
  }

  static byte[] tarWith(TarWriter w) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
      t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      w.write(t);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  static void entry(TarArchiveOutputStream t, String name, String content) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    put(t, e, content.getBytes());
  }

  static void link(TarArchiveOutputStream t, String name, String target) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
    e.setLinkName(target);
    put(t, e, new byte[0]);
  }

  static void put(TarArchiveOutputStream t, TarArchiveEntry e, byte[] bytes) throws IOException {
    e.setSize(bytes.length);
    t.putArchiveEntry(e);
    t.write(bytes);
    t.closeArchiveEntry();
  }
}
