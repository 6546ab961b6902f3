package io.qserverless.gateway.dependency;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The operator's dependency policy: where coordinates are resolved from and what is admitted.
 *
 * <p>Immutable; each {@code with...} copy refuses an impossible value at once with the setting, the
 * rule and the value received. See docs/operations.md, "Program dependencies".
 *
 * @param repositories Maven repositories in resolution order: {@code http(s)://} URLs (Maven
 *     Central, or a mirror of it) or absolute paths of directories laid out as a Maven repository
 *     (air-gapped sites); the default is Maven Central alone
 * @param allowlist patterns {@code group}, {@code group:artifact} or {@code group:artifact:version}
 *     where group and artifact may hold {@code *} and version is a version or a Maven range such as
 *     {@code [3.6,4)}; empty admits every coordinate the repositories have
 * @param maxBytes cap on the total size of one function's resolved jars
 * @param allowSnapshots whether SNAPSHOT versions are admitted (they change under the same name)
 * @param allowVersionRanges whether a declared version may be a range or LATEST / RELEASE
 */
public record DependencySettings(
    List<String> repositories,
    List<String> allowlist,
    long maxBytes,
    boolean allowSnapshots,
    boolean allowVersionRanges) {
  public static final String MAVEN_CENTRAL = "https://repo.maven.apache.org/maven2/";
  private static final long MIB = 1024L * 1024;

  public DependencySettings {
    repositories = List.copyOf(repositories);
    allowlist = List.copyOf(allowlist);
    if (repositories.isEmpty()) {
      throw new IllegalArgumentException(
          "dependency repositories must name at least one repository, got none");
    }
    repositories.forEach(DependencySettings::checkRepository);
    allowlist.forEach(AllowRule::parse);
    if (maxBytes < 1) {
      throw new IllegalArgumentException("dependency maxBytes must be >= 1, got " + maxBytes);
    }
  }

  /** Maven Central, no allowlist, 100 MiB of jars per function, no SNAPSHOTs, no ranges. */
  public static DependencySettings defaults() {
    return new DependencySettings(List.of(MAVEN_CENTRAL), List.of(), 100 * MIB, false, false);
  }

  public DependencySettings withRepositories(List<String> urlsOrPaths) {
    return new DependencySettings(
        urlsOrPaths, allowlist, maxBytes, allowSnapshots, allowVersionRanges);
  }

  public DependencySettings withAllowlist(List<String> patterns) {
    return new DependencySettings(
        repositories, patterns, maxBytes, allowSnapshots, allowVersionRanges);
  }

  public DependencySettings withMaxBytes(long bytes) {
    return new DependencySettings(
        repositories, allowlist, bytes, allowSnapshots, allowVersionRanges);
  }

  public DependencySettings withSnapshots(boolean allowed) {
    return new DependencySettings(repositories, allowlist, maxBytes, allowed, allowVersionRanges);
  }

  public DependencySettings withVersionRanges(boolean allowed) {
    return new DependencySettings(repositories, allowlist, maxBytes, allowSnapshots, allowed);
  }

  /** The repository as a URL: http(s) URLs as given, a directory path as its file: URL. */
  static String url(String repository) {
    return repository.startsWith("http://")
            || repository.startsWith("https://")
            || repository.startsWith("file:")
        ? repository
        : Path.of(repository).toUri().toString();
  }

  private static void checkRepository(String repository) {
    if (repository.startsWith("http://") || repository.startsWith("https://")) {
      URI uri = URI.create(repository);
      if (uri.getHost() == null) {
        throw new IllegalArgumentException(
            "dependency repository " + repository + " has no host; e.g. " + MAVEN_CENTRAL);
      }
      return;
    }
    Path dir =
        repository.startsWith("file:") ? Path.of(URI.create(repository)) : Path.of(repository);
    if (!dir.isAbsolute() || !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "dependency repository "
              + repository
              + " is neither an http(s) URL nor an absolute path of an existing directory laid out as a Maven repository");
    }
  }
}
