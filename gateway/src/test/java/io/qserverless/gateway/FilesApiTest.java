package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Files API: content-checked .tar/.h5, safe names, owner-only access, and DATA_PATH being the same files. */
class FilesApiTest {
  static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
  static GatewayHarness gw;
  static String user;

  @BeforeAll
  static void start() {
    gw = GatewayHarness.shared();
    user = gw.newUserWithProbe();
  }

  @Test
  void a_tar_uploaded_is_listed_downloaded_byte_for_byte_seen_by_jobs_and_deleted() {
    byte[] tar = GatewayHarness.tar(Map.of("a.txt", "hello".getBytes()));
    assertThat(upload("data.tar", tar).status()).isEqualTo(200);
    assertThat(upload("m.h5", HDF5).status()).isEqualTo(200);
    assertThat(gw.get("/api/v1/files/?function=probe", user).json().get("results").valueStream().map(n -> n.asString()))
        .containsExactly("data.tar", "m.h5");
    GatewayHarness.Answer down = gw.get("/api/v1/files/download/?function=probe&file=data.tar", user);
    assertThat(down.status()).isEqualTo(200);
    assertThat(down.headers().get("Content-Disposition")).contains("attachment");
    assertThat(down.body().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1).length).isEqualTo(tar.length);

    String id = gw.run(user, "probe", "{\"mode\": \"data\"}");
    gw.awaitStatus(user, id, "SUCCEEDED");
    assertThat(gw.get("/api/v1/jobs/" + id + "/result/", user).json().get("result").asString()).contains("data.tar");

    GatewayHarness.Answer del = gw.send("DELETE", "/api/v1/files/delete/?function=probe&file=data.tar", user, null);
    assertThat(del.message()).isEqualTo("Requested file was deleted.");
    assertThat(gw.get("/api/v1/files/download/?function=probe&file=data.tar", user).status()).isEqualTo(404);
  }

  @Test
  void a_file_whose_content_does_not_match_its_name_is_refused() {
    GatewayHarness.Answer a = upload("fake.tar", "just text, not a tar".getBytes());
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message()).contains("does not hold TAR content");
    assertThat(upload("fake.h5", new byte[600]).status()).isEqualTo(400);
    assertThat(gw.get("/api/v1/files/?function=probe", user).json().get("results").toString()).doesNotContain("fake");
  }

  @Test
  void unsafe_names_and_other_types_are_refused() {
    assertThat(upload("../evil.tar", HDF5).message()).contains("not allowed");
    assertThat(upload("notes.txt", "x".getBytes()).message()).contains("only .tar and .h5");
    assertThat(gw.get("/api/v1/files/download/?function=probe&file=..%2Fx.tar", user).status()).isEqualTo(400);
  }

  @Test
  void another_users_files_answer_404() {
    assertThat(upload("mine.h5", HDF5).status()).isEqualTo(200);
    String other = gw.newUser();
    assertThat(gw.get("/api/v1/files/download/?function=probe&file=mine.h5", other).status()).isEqualTo(404);
    assertThat(gw.get("/api/v1/files/?function=probe", other).status()).isEqualTo(404);
  }

  private static GatewayHarness.Answer upload(String name, byte[] bytes) {
    return gw.multipart("/api/v1/files/upload/?function=probe", user, Map.of("file", new GatewayHarness.FilePart(name, bytes)));
  }
}
