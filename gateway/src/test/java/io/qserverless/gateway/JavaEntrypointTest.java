package io.qserverless.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The other Java entrypoints: a jar with a Main-Class, and a main class name found in the
 * directory's jars.
 */
class JavaEntrypointTest {
  static final String SOURCE =
      """
      package hello;
      public class Hello {
        public static void main(String[] args) throws Exception {
          java.nio.file.Files.writeString(java.nio.file.Path.of(System.getenv("RESULTS_PATH")), "{\\"hello\\": true}");
        }
      }
      """;
  static GatewayHarness gw;
  static String user;
  static byte[] jarWithMain;
  static byte[] jarWithoutMain;

  @BeforeAll
  static void build() throws IOException {
    gw = GatewayHarness.shared();
    user = gw.newUser();
    Path dir = Files.createTempDirectory("qs-jar");
    Files.createDirectories(dir.resolve("hello"));
    Files.writeString(dir.resolve("hello/Hello.java"), SOURCE);
    assertThat(
            ToolProvider.getSystemJavaCompiler()
                .run(
                    null,
                    null,
                    null,
                    "--release",
                    "21",
                    dir.resolve("hello/Hello.java").toString()))
        .isZero();
    byte[] clazz = Files.readAllBytes(dir.resolve("hello/Hello.class"));
    jarWithMain = jar(clazz, "hello.Hello");
    jarWithoutMain = jar(clazz, null);
  }

  @Test
  void a_jar_entrypoint_runs_its_main_class() {
    assertThat(
            gw.upload(user, "jarred", "app.jar", GatewayHarness.tar(Map.of("app.jar", jarWithMain)))
                .status())
        .isEqualTo(200);
    assertSucceedsWithHello("jarred");
  }

  @Test
  void a_main_class_name_runs_from_the_jars_of_the_directory() {
    assertThat(
            gw.upload(
                    user,
                    "named",
                    "hello.Hello",
                    GatewayHarness.tar(Map.of("lib/code.jar", jarWithoutMain)))
                .status())
        .isEqualTo(200);
    assertSucceedsWithHello("named");
  }

  @Test
  void a_jar_without_main_class_is_refused() {
    GatewayHarness.Answer a =
        gw.upload(
            user, "nomain", "code.jar", GatewayHarness.tar(Map.of("code.jar", jarWithoutMain)));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.message()).contains("has no Main-Class");
  }

  private static void assertSucceedsWithHello(String title) {
    String id = gw.run(user, title, "{}");
    assertThat(gw.awaitStatus(user, id, "SUCCEEDED", "FAILED").get("status").asString())
        .isEqualTo("SUCCEEDED");
    assertThat(gw.get("/api/v1/jobs/" + id + "/result/", user).json().get("result").asString())
        .isEqualTo("{\"hello\": true}");
  }

  private static byte[] jar(byte[] clazz, String mainClass) throws IOException {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (mainClass != null) {
      m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(out, m)) {
      jar.putNextEntry(new JarEntry("hello/Hello.class"));
      jar.write(clazz);
      jar.closeEntry();
    }
    return out.toByteArray();
  }
}
