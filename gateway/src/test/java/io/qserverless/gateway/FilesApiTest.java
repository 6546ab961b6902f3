package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Files API: one flat folder per user shared by all of the user's functions (as the original's
 * "accessible to all programs"), the 0.35 file types checked by content, safe names, owner-only
 * access, and DATA_PATH being the same files.
 */
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
    assertThat(
            gw.get("/api/v1/files/?function=probe", user)
                .json()
                .get("results")
                .valueStream()
                .map(n -> n.asString()))
        .containsExactly("data.tar", "m.h5");
    GatewayHarness.Answer down =
        gw.get("/api/v1/files/download/?function=probe&file=data.tar", user);
    assertThat(down.status()).isEqualTo(200);
    assertThat(down.headers().get("Content-Disposition")).contains("attachment");
    assertThat(down.body().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1).length)
        .isEqualTo(tar.length);

    String id = gw.run(user, "probe", "{\"mode\": \"data\"}");
    gw.awaitStatus(user, id, "SUCCEEDED");
    assertThat(gw.get("/api/v1/jobs/" + id + "/result/", user).json().get("result").asString())
        .contains("data.tar");

    GatewayHarness.Answer del =
        gw.send("DELETE", "/api/v1/files/delete/?function=probe&file=data.tar", user, null);
    assertThat(del.message()).isEqualTo("Requested file was deleted.");
    assertThat(gw.get("/api/v1/files/download/?function=probe&file=data.tar", user).status())
        .isEqualTo(404);
  }

  @Test
  void a_file_whose_content_does_not_match_its_name_is_refused() {
    GatewayHarness.Answer a = upload("fake.tar", "just text, not a tar".getBytes());
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message()).contains("does not hold application/x-tar content");
    assertThat(upload("fake.h5", new byte[600]).status()).isEqualTo(400);
    assertThat(gw.get("/api/v1/files/?function=probe", user).json().get("results").toString())
        .doesNotContain("fake");
  }

  @Test
  void unsafe_names_and_other_types_are_refused() {
    assertThat(upload("../evil.tar", HDF5).message()).contains("not allowed");
    assertThat(upload("tool.exe", "MZ".getBytes()).message())
        .contains("unsupported type")
        .contains(".csv");
    assertThat(gw.get("/api/v1/files/download/?function=probe&file=..%2Fx.tar", user).status())
        .isEqualTo(400);
  }

  @Test
  void the_types_the_original_accepts_are_stored_and_served_with_their_mime_type() {
    String mine = gw.newUser();
    byte[] gzip = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    byte[] zip = {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    Map<String, byte[]> accepted =
        Map.of(
            "p.json",
            "{\"a\": [1, 2]}".getBytes(),
            "t.csv",
            "x,y\n1,2\n".getBytes(),
            "n.txt",
            "héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "a.gz",
            gzip,
            "b.tgz",
            gzip,
            "c.zip",
            zip,
            "raw.bin",
            new byte[] {0, 1, 2, (byte) 0xff});
    accepted.forEach(
        (name, bytes) -> assertThat(upload(mine, name, bytes).status()).as(name).isEqualTo(200));
    assertThat(gw.get("/api/v1/files/download/?file=t.csv", mine).headers().get("Content-Type"))
        .startsWith("text/csv");
    assertThat(gw.get("/api/v1/files/download/?file=p.json", mine).headers().get("Content-Type"))
        .startsWith("application/json");

    assertThat(upload(mine, "fake.gz", "not gzip".getBytes()).message())
        .contains("does not hold application/gzip content");
    assertThat(upload(mine, "fake.zip", "not zip".getBytes()).status()).isEqualTo(400);
    assertThat(upload(mine, "fake.json", "hello".getBytes()).status()).isEqualTo(400);
    assertThat(upload(mine, "bin.csv", new byte[] {'a', 0, 'b'}).status()).isEqualTo(400);
  }

  @Test
  void files_are_shared_by_all_of_a_users_functions_and_their_jobs() {
    String owner = gw.newUserWithProbe();
    assertThat(gw.uploadProbe(owner, "consumer").status()).isEqualTo(200);
    byte[] tar = GatewayHarness.tar(Map.of("in.txt", "from the producer".getBytes()));
    assertThat(
            gw.multipart(
                    "/api/v1/files/upload/?function=probe",
                    owner,
                    Map.of("file", new GatewayHarness.FilePart("shared.tar", tar)))
                .status())
        .isEqualTo(200);

    // the consumer function lists it, with or without naming a function, and its job reads it
    for (String path : new String[] {"/api/v1/files/?function=consumer", "/api/v1/files/"}) {
      assertThat(gw.get(path, owner).json().get("results").toString())
          .isEqualTo("[\"shared.tar\"]");
    }
    String id = gw.run(owner, "consumer", "{\"mode\": \"data\"}");
    gw.awaitStatus(owner, id, "SUCCEEDED");
    assertThat(gw.get("/api/v1/jobs/" + id + "/result/", owner).json().get("result").asString())
        .contains("shared.tar");
  }

  @Test
  void a_named_function_must_exist_and_provider_functions_are_refused() {
    assertThat(gw.get("/api/v1/files/?function=no-such-function", user).status()).isEqualTo(404);
    GatewayHarness.Answer provider = gw.get("/api/v1/files/?function=probe&provider=ibm", user);
    assertThat(provider.status()).isEqualTo(400);
    assertThat(provider.message()).contains("Provider functions are not supported");
  }

  @Test
  void another_users_files_answer_404() {
    assertThat(upload("mine.h5", HDF5).status()).isEqualTo(200);
    String other = gw.newUser();
    assertThat(gw.get("/api/v1/files/download/?file=mine.h5", other).status()).isEqualTo(404);
    assertThat(gw.get("/api/v1/files/", other).json().get("results").toString())
        .doesNotContain("mine.h5");
    assertThat(gw.get("/api/v1/files/?function=probe", other).status()).isEqualTo(404);
  }

  private static GatewayHarness.Answer upload(String name, byte[] bytes) {
    return gw.multipart(
        "/api/v1/files/upload/?function=probe",
        user,
        Map.of("file", new GatewayHarness.FilePart(name, bytes)));
  }

  /** An upload without {@code function}, as API.md allows: the files are the user's. */
  private static GatewayHarness.Answer upload(String token, String name, byte[] bytes) {
    return gw.multipart(
        "/api/v1/files/upload/", token, Map.of("file", new GatewayHarness.FilePart(name, bytes)));
  }
}
