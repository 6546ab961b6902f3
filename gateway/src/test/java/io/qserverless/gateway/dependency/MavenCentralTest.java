package io.qserverless.gateway.dependency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.qserverless.gateway.program.PlatformClasspath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The default repository, Maven Central itself; skipped, saying why, when this machine cannot reach
 * it.
 */
class MavenCentralTest {
  static final String JAR_PATH = "org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar";

  @Test
  void commons_math_resolves_from_maven_central_matching_its_published_sha1() throws Exception {
    String published = fetchOrSkip(DependencySettings.MAVEN_CENTRAL + JAR_PATH + ".sha1");
    Path cache = Files.createTempDirectory("qs-deps-central");
    List<ResolvedDependency> jars;
    try (DependencyResolver r =
        new DependencyResolver(
            cache, DependencySettings.defaults(), PlatformClasspath.entries(), "qs-test")) {
      jars = r.resolve(List.of("org.apache.commons:commons-math3:3.6.1"));
    }
    assertThat(jars)
        .extracting(ResolvedDependency::coordinates)
        .containsExactly("org.apache.commons:commons-math3:jar:3.6.1");
    Path jar = Path.of(jars.getFirst().jar());
    String sha1 =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(jar)));
    assertThat(sha1).isEqualTo(published.strip().split("\\s+")[0]);
    try (JarFile j = new JarFile(jar.toFile())) {
      assertThat(j.getEntry("org/apache/commons/math3/complex/Complex.class")).isNotNull();
    }
  }

  private static String fetchOrSkip(String url) {
    String reason;
    try {
      HttpResponse<String> r =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                  HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        return r.body();
      }
      reason = "HTTP " + r.statusCode();
    } catch (IOException e) {
      reason = e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reason = "interrupted";
    }
    assumeTrue(
        false,
        "Maven Central is not reachable from this machine ("
            + reason
            + "): skipping the test against it");
    return null;
  }
}
