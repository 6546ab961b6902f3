package io.qserverless.gateway.dependency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qserverless.gateway.error.InvalidInputException;
import io.qserverless.gateway.error.UpstreamFailedException;
import io.qserverless.gateway.program.PlatformClasspath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resolution and every policy rule, with real Maven Resolver against a repository this test builds
 * and serves on loopback: each refusal names the coordinate and the rule, and stores no jar.
 */
class DependencyResolverTest {
  static final String GREETING = "com.example:greeting:1.0";
  static TestRepository repo;
  static TestRepository elsewhere;
  static Path wordsJar;
  static Path greetingJar;
  static Path nativesJar;
  static String platformJackson;

  @BeforeAll
  static void publish() {
    repo = TestRepository.start();
    elsewhere = TestRepository.start();
    List<Path> greeting = repo.publishGreeting();
    greetingJar = greeting.get(0);
    wordsJar = greeting.get(1);
    for (String v : List.of("1.1", "2.0")) {
      repo.publish(
          "com.example:greeting:" + v,
          TestRepository.jar(
              Map.of("com.example.greeting.V", "package com.example.greeting; public class V {}"),
              List.of()),
          TestRepository.pom("com.example:greeting:" + v, List.of(), ""));
    }
    byte[] empty =
        TestRepository.jar(
            Map.of("com.example.empty.E", "package com.example.empty; public class E {}"),
            List.of());
    repo.publish(
        "com.example:nightly:1.0-SNAPSHOT",
        empty,
        TestRepository.pom("com.example:nightly:1.0-SNAPSHOT", List.of(), ""));
    repo.publish(
        "com.example:uses-nightly:1.0",
        empty,
        TestRepository.pom(
            "com.example:uses-nightly:1.0", List.of("com.example:nightly:1.0-SNAPSHOT"), ""));
    platformJackson =
        PlatformArtifacts.of(PlatformClasspath.entries())
            .version("tools.jackson.core", "jackson-core");
    repo.publish(
        "tools.jackson.core:jackson-core:3.0.0",
        empty,
        TestRepository.pom("tools.jackson.core:jackson-core:3.0.0", List.of(), ""));
    repo.publish(
        "tools.jackson.core:jackson-core:" + platformJackson,
        empty,
        TestRepository.pom("tools.jackson.core:jackson-core:" + platformJackson, List.of(), ""));
    repo.publish(
        "com.example:old-jackson:1.0",
        empty,
        TestRepository.pom(
            "com.example:old-jackson:1.0", List.of("tools.jackson.core:jackson-core:3.0.0"), ""));
    repo.publish(
        "com.example:same-jackson:1.0",
        empty,
        TestRepository.pom(
            "com.example:same-jackson:1.0",
            List.of("tools.jackson.core:jackson-core:" + platformJackson),
            ""));
    repo.publish(
        "com.example:corrupt:1.0",
        empty,
        TestRepository.pom("com.example:corrupt:1.0", List.of(), ""));
    repo.corruptChecksums("com.example:corrupt:1.0", "jar");
    repo.publish(
        "com.example:bad-pom:1.0", empty, "<project><modelVersion>4.0.0</modelVersion><broken");
    repo.publish(
        "com.example:uses-bad-pom:1.0",
        empty,
        TestRepository.pom("com.example:uses-bad-pom:1.0", List.of("com.example:bad-pom:1.0"), ""));
    repo.publish(
        "com.example:bundle:1.0",
        empty,
        TestRepository.pom(
            "com.example:bundle:1.0",
            List.of("com.example:words:1.0"),
            "<packaging>pom</packaging>"));
    repo.publish(
        "com.example:scoped:1.0",
        empty,
        TestRepository.pom(
            "com.example:scoped:1.0",
            List.of(
                "com.example:words:1.0:runtime",
                "com.example:test-only:1.0:test",
                "com.example:provided-only:1.0:provided"),
            ""));
    nativesJar =
        repo.publishClassified(
            GREETING,
            "natives-linux",
            TestRepository.jar(
                Map.of("com.example.natives.N", "package com.example.natives; public class N {}"),
                List.of()));
    elsewhere.publish(
        "com.example:hidden:1.0",
        empty,
        TestRepository.pom("com.example:hidden:1.0", List.of(), ""));
    repo.publish(
        "com.example:points-elsewhere:1.0",
        empty,
        TestRepository.pom(
            "com.example:points-elsewhere:1.0",
            List.of("com.example:hidden:1.0"),
            "<repositories><repository><id>other</id><url>"
                + elsewhere.url()
                + "</url></repository></repositories>"));
  }

  @AfterAll
  static void stop() {
    repo.close();
    elsewhere.close();
  }

  @Test
  void a_dependency_resolves_with_its_transitive_jars_each_recorded_with_its_sha256()
      throws IOException {
    Path cache = Files.createTempDirectory("qs-deps");
    List<ResolvedDependency> jars = resolve(cache, s -> s, GREETING);
    assertThat(jars)
        .extracting(ResolvedDependency::coordinates)
        .containsExactly("com.example:greeting:jar:1.0", "com.example:words:jar:1.0");
    assertThat(jars.get(0).sha256()).isEqualTo(TestRepository.sha256(greetingJar));
    assertThat(jars.get(1).sha256()).isEqualTo(TestRepository.sha256(wordsJar));
    assertThat(jars.get(0).size()).isEqualTo(Files.size(greetingJar));
    Path stored = Path.of(jars.get(0).jar());
    assertThat(stored).startsWith(cache.resolve("jars")).hasSameBinaryContentAs(greetingJar);
    assertThat(Files.getPosixFilePermissions(stored))
        .as("cached jar is read-only")
        .doesNotContain(
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);
  }

  @Test
  void a_second_resolution_on_the_same_cache_downloads_nothing() throws IOException {
    Path cache = Files.createTempDirectory("qs-deps");
    List<ResolvedDependency> first = resolve(cache, s -> s, GREETING);
    int jarRequests = repo.requests("/greeting-1.0.jar");
    int pomRequests = repo.requests("/greeting-1.0.pom");
    List<ResolvedDependency> second = resolve(cache, s -> s, GREETING);
    assertThat(second).isEqualTo(first);
    assertThat(repo.requests("/greeting-1.0.jar")).isEqualTo(jarRequests);
    assertThat(repo.requests("/greeting-1.0.pom")).isEqualTo(pomRequests);
  }

  @Test
  void a_directory_laid_out_as_a_maven_repository_serves_air_gapped_sites() throws IOException {
    List<ResolvedDependency> jars =
        resolve(
            Files.createTempDirectory("qs-deps"),
            s -> s.withRepositories(List.of(repo.directory().toString())),
            GREETING);
    assertThat(jars)
        .extracting(ResolvedDependency::sha256)
        .containsExactly(TestRepository.sha256(greetingJar), TestRepository.sha256(wordsJar));
  }

  @Test
  void unknown_coordinates_are_refused_naming_them() {
    assertRefused(
        s -> s,
        "com.example:no-such-thing:1.0",
        InvalidInputException.class,
        "com.example:no-such-thing:1.0 is not in the repositories [" + repo.url() + "]");
  }

  @Test
  void a_coordinate_that_is_not_group_artifact_version_is_refused() {
    assertRefused(
        s -> s,
        "commons-math3",
        InvalidInputException.class,
        "'commons-math3' is not a Maven coordinate");
    assertRefused(s -> s, "numpy==1.26", InvalidInputException.class, "is not a Maven coordinate");
  }

  @Test
  void a_pom_dependency_brings_the_jars_it_lists_but_not_itself() throws IOException {
    assertThat(resolve(Files.createTempDirectory("qs-deps"), s -> s, "com.example:bundle:pom:1.0"))
        .extracting(ResolvedDependency::coordinates)
        .containsExactly("com.example:words:jar:1.0");
    assertRefused(
        s -> s,
        "com.example:bundle:war:1.0",
        InvalidInputException.class,
        "is a war artifact; only jars");
  }

  @Test
  void runtime_scope_dependencies_come_along_but_test_and_provided_ones_do_not()
      throws IOException {
    assertThat(resolve(Files.createTempDirectory("qs-deps"), s -> s, "com.example:scoped:1.0"))
        .extracting(ResolvedDependency::coordinates)
        .containsExactly("com.example:scoped:jar:1.0", "com.example:words:jar:1.0");
    assertThat(repo.requests("test-only")).isZero();
    assertThat(repo.requests("provided-only")).isZero();
  }

  @Test
  void a_classifier_selects_that_jar_with_the_artifacts_dependencies() throws IOException {
    List<ResolvedDependency> jars =
        resolve(
            Files.createTempDirectory("qs-deps"),
            s -> s,
            "com.example:greeting:jar:natives-linux:1.0");
    assertThat(jars)
        .extracting(ResolvedDependency::coordinates)
        .containsExactly("com.example:greeting:jar:natives-linux:1.0", "com.example:words:jar:1.0");
    assertThat(jars.get(0).sha256()).isEqualTo(TestRepository.sha256(nativesJar));
  }

  @Test
  void the_platform_group_is_refused_because_every_job_has_it() {
    assertRefused(
        s -> s,
        "io.qserverless:runtime:0.1.0",
        InvalidInputException.class,
        "is part of the platform");
  }

  @Test
  void a_repository_that_is_down_fails_with_a_502_kind_of_error() throws IOException {
    TestRepository down = TestRepository.start();
    down.close();
    Path cache = Files.createTempDirectory("qs-deps");
    assertThatThrownBy(() -> resolve(cache, s -> s.withRepositories(List.of(down.url())), GREETING))
        .isInstanceOf(UpstreamFailedException.class)
        .hasMessageContaining("could not be reached")
        .hasMessageContaining(down.url());
    assertNoJarStored(cache);
  }

  @Test
  void a_checksum_mismatch_fails_and_stores_nothing() throws IOException {
    Path cache = Files.createTempDirectory("qs-deps");
    assertThatThrownBy(() -> resolve(cache, s -> s, "com.example:corrupt:1.0"))
        .isInstanceOf(UpstreamFailedException.class)
        .hasMessageContaining("does not match its published checksum");
    assertNoJarStored(cache);
    assertThat(Files.exists(cache.resolve("repository/com/example/corrupt/1.0/corrupt-1.0.jar")))
        .isFalse();
  }

  @Test
  void an_unreadable_pom_fails_the_upload_instead_of_dropping_its_transitive_dependencies() {
    assertRefused(
        s -> s,
        "com.example:uses-bad-pom:1.0",
        UpstreamFailedException.class,
        "The POM of com.example:bad-pom:jar:1.0 in the repositories ["
            + repo.url()
            + "] cannot be read");
  }

  @Test
  void jars_past_the_size_cap_are_refused_with_the_sizes() throws IOException {
    long both = Files.size(greetingJar) + Files.size(wordsJar);
    Path cache = Files.createTempDirectory("qs-deps");
    assertThatThrownBy(() -> resolve(cache, s -> s.withMaxBytes(both - 1), GREETING))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cap of " + (both - 1) + " bytes");
    assertNoJarStored(cache);
    assertThat(resolve(cache, s -> s.withMaxBytes(both), GREETING)).hasSize(2);
  }

  @Test
  void a_download_passing_the_cap_is_cut_off() throws IOException {
    Path cache = Files.createTempDirectory("qs-deps");
    assertThatThrownBy(() -> resolve(cache, s -> s.withMaxBytes(100), GREETING))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("past this gateway's cap of 100 bytes");
  }

  @Test
  void the_allowlist_refuses_a_group_it_does_not_list_and_admits_one_it_does() throws IOException {
    assertRefused(
        s -> s.withAllowlist(List.of("org.apache.commons")),
        GREETING,
        InvalidInputException.class,
        GREETING + " is not on this gateway's allowlist [org.apache.commons]");
    assertThat(
            resolve(
                Files.createTempDirectory("qs-deps"),
                s -> s.withAllowlist(List.of("com.exam*")),
                GREETING))
        .hasSize(2);
    assertThat(
            resolve(
                Files.createTempDirectory("qs-deps"),
                s -> s.withAllowlist(List.of("com.example:greeting")),
                GREETING))
        .as("transitive dependencies come with an admitted one")
        .hasSize(2);
  }

  @Test
  void an_allowlist_version_range_admits_versions_inside_it_only() throws IOException {
    UnaryOperator<DependencySettings> range =
        s -> s.withAllowlist(List.of("com.example:greeting:[1.1,2.0)"));
    assertRefused(
        range, GREETING, InvalidInputException.class, "allowlist [com.example:greeting:[1.1,2.0)]");
    assertRefused(
        range,
        "com.example:greeting:2.0",
        InvalidInputException.class,
        "not on this gateway's allowlist");
    assertThat(resolve(Files.createTempDirectory("qs-deps"), range, "com.example:greeting:1.1"))
        .hasSize(1);
    assertThat(resolver(Files.createTempDirectory("qs-deps"), range).admitted())
        .containsExactly("com.example:greeting:[1.1,2.0)");
  }

  @Test
  void version_ranges_are_refused_unless_allowed_and_then_checked_against_the_allowlist()
      throws IOException {
    assertRefused(
        s -> s,
        "com.example:greeting:[1.0,2.0)",
        InvalidInputException.class,
        "asks for a version range or LATEST/RELEASE, which this gateway refuses (setting allowVersionRanges)");
    assertRefused(
        s -> s,
        "com.example:greeting:LATEST",
        InvalidInputException.class,
        "setting allowVersionRanges");
    List<ResolvedDependency> jars =
        resolve(
            Files.createTempDirectory("qs-deps"),
            s -> s.withVersionRanges(true),
            "com.example:greeting:[1.0,2.0)");
    assertThat(jars)
        .extracting(ResolvedDependency::coordinates)
        .containsExactly("com.example:greeting:jar:1.1");
    assertRefused(
        s -> s.withVersionRanges(true),
        "com.example:greeting:[5.0,6.0)",
        InvalidInputException.class,
        "No version of com.example:greeting:jar:[5.0,6.0) in the repositories");
    assertRefused(
        s -> s.withVersionRanges(true).withAllowlist(List.of("com.example:greeting:[1.0,1.1)")),
        "com.example:greeting:[1.0,2.0)",
        InvalidInputException.class,
        "(resolved to 1.1) is not on this gateway's allowlist");
  }

  @Test
  void snapshots_are_refused_unless_allowed_also_when_pulled_in_transitively() throws IOException {
    assertRefused(
        s -> s,
        "com.example:nightly:1.0-SNAPSHOT",
        InvalidInputException.class,
        "com.example:nightly:1.0-SNAPSHOT is a SNAPSHOT, which this gateway refuses (setting allowSnapshots)");
    assertRefused(
        s -> s,
        "com.example:uses-nightly:1.0",
        InvalidInputException.class,
        "com.example:nightly:jar:1.0-SNAPSHOT (needed by com.example:uses-nightly:1.0) is a SNAPSHOT");
    assertThat(
            resolve(
                Files.createTempDirectory("qs-deps"),
                s -> s.withSnapshots(true),
                "com.example:uses-nightly:1.0"))
        .extracting(ResolvedDependency::coordinates)
        .containsExactly(
            "com.example:uses-nightly:jar:1.0", "com.example:nightly:jar:1.0-SNAPSHOT");
  }

  @Test
  void a_clash_with_a_platform_jar_is_refused_with_both_versions() {
    assertThat(platformJackson)
        .as("the platform's jackson-core version, read from its jar")
        .isNotBlank();
    assertRefused(
        s -> s,
        "com.example:old-jackson:1.0",
        InvalidInputException.class,
        "tools.jackson.core:jackson-core:3.0.0 (needed by com.example:old-jackson:1.0) clashes with the platform's "
            + "tools.jackson.core:jackson-core:"
            + platformJackson);
  }

  @Test
  void a_platform_jar_in_the_platforms_own_version_is_left_to_the_platform() throws IOException {
    assertThat(
            resolve(Files.createTempDirectory("qs-deps"), s -> s, "com.example:same-jackson:1.0"))
        .extracting(ResolvedDependency::coordinates)
        .containsExactly("com.example:same-jackson:jar:1.0");
    assertThat(repo.requests("/jackson-core-" + platformJackson + ".jar")).isZero();
  }

  @Test
  void repositories_a_pom_declares_are_never_contacted() {
    assertRefused(
        s -> s,
        "com.example:points-elsewhere:1.0",
        InvalidInputException.class,
        "com.example:hidden:1.0 is not in the repositories");
    assertThat(elsewhere.requests("")).isZero();
  }

  @Test
  void without_an_allowlist_the_gateway_admits_any_coordinate() throws IOException {
    assertThat(resolver(Files.createTempDirectory("qs-deps"), s -> s).admitted())
        .containsExactly("*");
  }

  private static void assertRefused(
      UnaryOperator<DependencySettings> settings,
      String coordinate,
      Class<? extends RuntimeException> kind,
      String message) {
    Path cache;
    try {
      cache = Files.createTempDirectory("qs-deps");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThatThrownBy(() -> resolve(cache, settings, coordinate))
        .isInstanceOf(kind)
        .hasMessageContaining(message);
    assertNoJarStored(cache);
  }

  private static void assertNoJarStored(Path cache) {
    Path jars = cache.resolve("jars");
    if (Files.exists(jars)) {
      try (Stream<Path> s = Files.walk(jars)) {
        assertThat(s.filter(Files::isRegularFile).toList())
            .as("jars stored after a refusal")
            .isEmpty();
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
  }

  private static List<ResolvedDependency> resolve(
      Path cache, UnaryOperator<DependencySettings> settings, String... coordinates) {
    try (DependencyResolver r = resolver(cache, settings)) {
      return r.resolve(List.of(coordinates));
    }
  }

  private static DependencyResolver resolver(
      Path cache, UnaryOperator<DependencySettings> settings) {
    DependencySettings s =
        settings.apply(DependencySettings.defaults().withRepositories(List.of(repo.url())));
    return new DependencyResolver(cache, s, PlatformClasspath.entries(), "qs-test");
  }
}
