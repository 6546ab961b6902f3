package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.qserverless.gateway.dependency.DependencySettings;
import io.qserverless.gateway.dependency.TestRepository;
import io.qserverless.protocol.Json;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Program dependencies end to end through a real gateway: declared at upload, resolved from a Maven
 * repository this test builds and serves, compiled against, recorded with the version, on the job's
 * classpath; refusals and failures leave no function behind.
 */
class ProgramDependenciesTest {
  static final String MAIN =
      """
      import io.qserverless.runtime.Serverless;
      import java.util.Map;
      public class Main {
        public static void main(String[] args) {
          Serverless.saveResult(Map.of("greeting", com.example.greeting.Greeter.greet("world")));
        }
      }
      """;
  static final String GREETING = "com.example:greeting:1.0";
  static TestRepository repo;
  static GatewayHarness gw;
  static String user;
  static Path greetingJar;
  static Path wordsJar;

  @BeforeAll
  static void start() {
    repo = TestRepository.start();
    List<Path> jars = repo.publishGreeting();
    greetingJar = jars.get(0);
    wordsJar = jars.get(1);
    gw =
        GatewayHarness.start(
            b ->
                b.dependencies(
                    DependencySettings.defaults()
                        .withRepositories(List.of(repo.url()))
                        .withAllowlist(List.of("com.example"))));
    user = gw.newUser();
  }

  @AfterAll
  static void stop() {
    gw.close();
    repo.close();
  }

  @Test
  void a_program_runs_with_its_declared_dependency_and_what_that_needs() {
    GatewayHarness.Answer up = upload(gw, user, "greeter", "Main.java", "[\"" + GREETING + "\"]");
    assertThat(up.status()).as(up.body()).isEqualTo(200);
    JsonNode resolved = up.json().get("resolved_dependencies");
    assertThat(resolved).hasSize(2);
    assertThat(resolved.get(0).get("coordinates").asString())
        .isEqualTo("com.example:greeting:jar:1.0");
    assertThat(resolved.get(0).get("sha256").asString())
        .isEqualTo(TestRepository.sha256(greetingJar));
    assertThat(resolved.get(1).get("coordinates").asString())
        .isEqualTo("com.example:words:jar:1.0");
    assertThat(resolved.get(1).get("sha256").asString()).isEqualTo(TestRepository.sha256(wordsJar));
    assertThat(up.body()).as("no server path crosses HTTP").doesNotContain(gw.dataDir.toString());
    assertThat(
            gw.get("/api/v1/programs/get_by_title/greeter/", user)
                .json()
                .get("resolved_dependencies"))
        .isEqualTo(resolved);
    assertThat(resultOf(gw, user, "greeter")).isEqualTo("{\"greeting\":\"hello, world\"}");
  }

  @Test
  void the_jobs_class_path_holds_exactly_the_resolved_jars_from_the_shared_cache() {
    String source =
        """
        import io.qserverless.runtime.Serverless;
        import java.util.Map;
        public class Cp {
          public static void main(String[] args) {
            Serverless.saveResult(Map.of("cp", System.getProperty("java.class.path")));
          }
        }
        """;
    GatewayHarness.Answer up =
        gw.multipart(
            "/api/v1/programs/upload/",
            user,
            form(
                "classpath",
                "Cp.java",
                "[\"" + GREETING + "\"]",
                GatewayHarness.tar(Map.of("Cp.java", source.getBytes(StandardCharsets.UTF_8)))));
    assertThat(up.status()).as(up.body()).isEqualTo(200);
    Path cache = gw.dataDir.resolve("dependencies").resolve("jars");
    String cp = Json.MAPPER.readTree(resultOf(gw, user, "classpath")).get("cp").asString();
    assertThat(
            Arrays.stream(cp.split(File.pathSeparator)).filter(e -> e.startsWith(cache.toString())))
        .containsExactly(
            cache
                .resolve(TestRepository.sha256(greetingJar))
                .resolve("greeting-1.0.jar")
                .toString(),
            cache.resolve(TestRepository.sha256(wordsJar)).resolve("words-1.0.jar").toString());
  }

  @Test
  void without_the_dependency_the_program_does_not_compile_at_upload() {
    GatewayHarness.Answer a = upload(gw, user, "no-deps", "Main.java", "[]");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message()).contains("does not compile").contains("com.example.greeting");
  }

  @Test
  void the_dependencies_versions_endpoint_lists_what_the_allowlist_admits() {
    assertThat(gw.get("/api/v1/dependencies-versions/", user).body())
        .isEqualTo("[\"com.example\"]");
    assertThat(
            GatewayHarness.shared()
                .get("/api/v1/dependencies-versions/", GatewayHarness.shared().token())
                .body())
        .isEqualTo("[\"*\"]");
    assertThat(gw.get("/api/v1/dependencies-versions/", null).status()).isEqualTo(401);
  }

  @Test
  void refused_dependencies_answer_400_and_leave_no_function_or_artifact_behind() {
    assertRefused(
        "[\"org.other:lib:1.0\"]",
        400,
        "org.other:lib:1.0 is not on this gateway's allowlist [com.example]");
    assertRefused(
        "[\"com.example:missing:1.0\"]", 400, "com.example:missing:1.0 is not in the repositories");
    assertRefused("[\"numpy\"]", 400, "'numpy' is not a Maven coordinate");
    assertRefused("[1]", 400, "must be a JSON array of Maven coordinates (strings)");
    assertRefused("{\"a\": 1}", 400, "must be a JSON array");
  }

  @Test
  void a_script_entrypoint_with_dependencies_is_refused() {
    GatewayHarness.Answer a =
        gw.multipart(
            "/api/v1/programs/upload/",
            user,
            form(
                "script-deps",
                "run.sh",
                "[\"" + GREETING + "\"]",
                GatewayHarness.tar(
                    Map.of("run.sh", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8)))));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message()).contains("not a Java program").contains("dependencies");
  }

  @Test
  void a_repository_outage_stops_neither_uploaded_functions_nor_uploads_of_cached_dependencies() {
    TestRepository own = TestRepository.start();
    own.publishGreeting();
    try (GatewayHarness g =
        GatewayHarness.start(
            b ->
                b.dependencies(
                    DependencySettings.defaults().withRepositories(List.of(own.url()))))) {
      String u = g.token();
      assertThat(upload(g, u, "before", "Main.java", "[\"" + GREETING + "\"]").status())
          .isEqualTo(200);
      int jarRequests = own.requests(".jar");
      own.close();
      assertThat(resultOf(g, u, "before"))
          .as("a job never resolves")
          .isEqualTo("{\"greeting\":\"hello, world\"}");
      GatewayHarness.Answer again = upload(g, u, "after", "Main.java", "[\"" + GREETING + "\"]");
      assertThat(again.status()).as("served from the shared cache: " + again.body()).isEqualTo(200);
      assertThat(own.requests(".jar")).isEqualTo(jarRequests);
      assertThat(resultOf(g, u, "after")).isEqualTo("{\"greeting\":\"hello, world\"}");
      long artifacts = artifactCount(g);
      GatewayHarness.Answer down =
          upload(g, u, "uncached", "Main.java", "[\"com.example:other:1.0\"]");
      assertThat(down.status()).isEqualTo(502);
      assertThat(down.message())
          .contains("could not be reached")
          .contains("com.example:other")
          .contains("nothing was stored");
      assertThat(g.get("/api/v1/programs/get_by_title/uncached/", u).status()).isEqualTo(404);
      assertThat(artifactCount(g)).isEqualTo(artifacts);
    }
  }

  private static void assertRefused(String dependencies, int status, String message) {
    long artifacts = artifactCount(gw);
    GatewayHarness.Answer a = upload(gw, user, "refused", "Main.java", dependencies);
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.message()).contains(message);
    assertThat(gw.get("/api/v1/programs/get_by_title/refused/", user).status()).isEqualTo(404);
    assertThat(artifactCount(gw)).isEqualTo(artifacts);
  }

  private static GatewayHarness.Answer upload(
      GatewayHarness g, String token, String title, String entrypoint, String deps) {
    return g.multipart(
        "/api/v1/programs/upload/",
        token,
        form(
            title,
            entrypoint,
            deps,
            GatewayHarness.tar(Map.of("Main.java", MAIN.getBytes(StandardCharsets.UTF_8)))));
  }

  private static Map<String, Object> form(
      String title, String entrypoint, String deps, byte[] tar) {
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("title", title);
    parts.put("entrypoint", entrypoint);
    parts.put("dependencies", deps);
    parts.put("artifact", new GatewayHarness.FilePart("artifact.tar", tar));
    return parts;
  }

  private static String resultOf(GatewayHarness g, String token, String title) {
    String id = g.run(token, title, "{}");
    JsonNode job = g.awaitStatus(token, id, "SUCCEEDED", "FAILED");
    assertThat(job.get("status").asString())
        .as(g.get("/api/v1/jobs/" + id + "/logs/", token).body())
        .isEqualTo("SUCCEEDED");
    return g.get("/api/v1/jobs/" + id + "/result/", token).json().get("result").asString();
  }

  private static long artifactCount(GatewayHarness g) {
    Path dir = g.dataDir.resolve("artifacts");
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
