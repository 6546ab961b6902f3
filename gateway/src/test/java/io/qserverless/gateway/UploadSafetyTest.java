package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
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
    assertRefused(tarWith(t -> link(t, "escape", "../../../etc/passwd")), 400, "outside the uploaded directory");
    assertRefused(tarWith(t -> link(t, "abs", "/etc/passwd")), 400, "outside the uploaded directory");
  }

  @Test
  void a_device_file_is_refused() {
    assertRefused(tarWith(t -> {
      TarArchiveEntry e = new TarArchiveEntry("dev", TarConstants.LF_CHR);
      put(t, e, new byte[0]);
    }), 400, "device file");
  }

  @Test
  void more_entries_than_the_cap_answer_413() {
    assertRefused(tarWith(t -> {
      for (int i = 0; i < 6; i++) {
        entry(t, "f" + i + ".txt", "x");
      }
    }), 413, "more than 5 entries");
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
    GatewayHarness.Answer a = gw.upload(user, "t", "Missing.java", tarWith(t -> entry(t, "Other.txt", "x")));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message()).contains("'Missing.java' is not in the uploaded directory");
  }

  @Test
  void a_compile_error_comes_back_at_upload_with_the_compiler_message() {
    GatewayHarness.Answer a = gw.upload(user, "t", "Broken.java",
        tarWith(t -> entry(t, "Broken.java", "public class Broken { void f() { int x = \"s\"; } }")));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message()).contains("does not compile").contains("Broken.java:1").contains("incompatible types");
  }

  @Test
  void a_class_without_main_is_refused() {
    GatewayHarness.Answer a = gw.upload(user, "t", "NoMain.java", tarWith(t -> entry(t, "NoMain.java", "public class NoMain {}")));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message()).contains("has no 'public static void main(String[] args)'");
  }

  @Test
  void a_bad_title_is_refused() {
    GatewayHarness.Answer a = gw.upload(user, "../x", "run.sh", GatewayHarness.tar(Map.of("run.sh", "#!/bin/sh\n".getBytes())));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message()).contains("title '../x' is not valid");
  }

  @Test
  void a_reupload_makes_a_new_revision() {
    byte[] v1 = GatewayHarness.tar(Map.of("run.sh", "#!/bin/sh\necho 1\n".getBytes()));
    byte[] v2 = GatewayHarness.tar(Map.of("run.sh", "#!/bin/sh\necho 2\n".getBytes()));
    assertThat(gw.upload(user, "versions", "run.sh", v1).json().get("revision").asInt()).isEqualTo(1);
    assertThat(gw.upload(user, "versions", "run.sh", v2).json().get("revision").asInt()).isEqualTo(2);
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
