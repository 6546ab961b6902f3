package io.qserverless.gateway.dependency;

import io.qserverless.gateway.error.InvalidInputException;
import java.util.List;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.version.InvalidVersionSpecificationException;

/**
 * The rules a function's dependencies must pass, each refusal naming the coordinate and the rule.
 *
 * <p>Checked in two steps so that nothing refused is downloaded: {@link #declared} before any
 * network access (syntax, platform group, SNAPSHOT, range, allowlist by name and exact version),
 * then {@link #resolved} on the collected graph, which holds only POMs so far (allowlist versions
 * of declared ranges, SNAPSHOTs pulled in transitively, clashes with platform jars).
 *
 * <p>The allowlist applies to the declared coordinates; what those pull in transitively is admitted
 * with them (as the original admits what pip installs for an allowed package), within the size cap
 * and the clash rule.
 */
final class DependencyPolicy {
  private static final String PATTERN = "groupId:artifactId[:extension[:classifier]]:version";
  private final DependencySettings settings;
  private final List<AllowRule> allowlist;
  private final PlatformArtifacts platform;

  DependencyPolicy(DependencySettings settings, PlatformArtifacts platform) {
    this.settings = settings;
    this.allowlist = settings.allowlist().stream().map(AllowRule::parse).toList();
    this.platform = platform;
  }

  /**
   * The declared coordinate {@code text} as an artifact, refused (400) if it breaks a rule that
   * needs no download.
   */
  Artifact declared(String text) {
    Artifact a;
    try {
      a = new DefaultArtifact(text.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "The dependency '"
              + text
              + "' is not a Maven coordinate "
              + PATTERN
              + "; e.g. org.apache.commons:commons-math3:3.6.1.");
    }
    if (!a.getExtension().equals("jar") && !a.getExtension().equals("pom")) {
      throw new InvalidInputException(
          "The dependency '"
              + text
              + "' is a "
              + a.getExtension()
              + " artifact; only jars go on "
              + "a job's class path (or a pom, for the dependencies it lists): drop the extension or give jar.");
    }
    if (PlatformArtifacts.isPlatformGroup(a.getGroupId())) {
      throw new InvalidInputException(
          "The dependency '"
              + text
              + "' is part of the platform (group "
              + PlatformArtifacts.PLATFORM_GROUP
              + "), which every Java job already has; remove it from the dependencies.");
    }
    if (isDynamic(a.getVersion()) && !settings.allowVersionRanges()) {
      throw new InvalidInputException(
          "The dependency '"
              + text
              + "' asks for a version range or LATEST/RELEASE, which "
              + "this gateway refuses (setting allowVersionRanges); give one version, e.g. "
              + a.getGroupId()
              + ":"
              + a.getArtifactId()
              + ":1.2.3.");
    }
    checkSnapshot(a, text);
    if (!allowlist.isEmpty()
        && allowlist.stream()
            .noneMatch(
                r ->
                    isDynamic(a.getVersion())
                        ? r.matches(a.getGroupId(), a.getArtifactId())
                        : r.admits(a))) {
      throw notAllowed(text);
    }
    return a;
  }

  /**
   * Checks an artifact of the collected graph: {@code declared} is the coordinate the user gave for
   * it, or null for a transitive one.
   */
  void resolved(Artifact a, String declared, String pulledBy) {
    if (declared != null
        && !allowlist.isEmpty()
        && allowlist.stream().noneMatch(r -> r.admits(a))) {
      throw notAllowed(declared + " (resolved to " + a.getVersion() + ")");
    }
    checkSnapshot(a, declared != null ? declared : a + " (needed by " + pulledBy + ")");
    String mine = platform.version(a.getGroupId(), a.getArtifactId());
    if (mine != null && !mine.equals(a.getVersion())) {
      String ga = a.getGroupId() + ":" + a.getArtifactId();
      throw new InvalidInputException(
          "The dependency "
              + ga
              + ":"
              + a.getVersion()
              + (declared != null ? "" : " (needed by " + pulledBy + ")")
              + " clashes with the platform's "
              + ga
              + ":"
              + mine
              + ", which every Java job already has: declare "
              + ga
              + ":"
              + mine
              + " to use the platform's version"
              + (declared != null ? "" : ", or pick a version of " + pulledBy + " that uses it")
              + ".");
    }
  }

  /**
   * Whether {@code a}'s file goes on the job's class path: not a pom (only the dependencies it
   * lists do), and not a jar the platform already provides in exactly this version.
   */
  boolean onClasspath(Artifact a) {
    return !a.getExtension().equals("pom")
        && !a.getVersion().equals(platform.version(a.getGroupId(), a.getArtifactId()));
  }

  void checkSize(long bytes) {
    if (bytes > settings.maxBytes()) {
      throw tooLarge("come to " + bytes + " bytes");
    }
  }

  InvalidInputException tooLarge(String amount) {
    return new InvalidInputException(
        "The dependencies' jars "
            + amount
            + ", past this gateway's cap of "
            + settings.maxBytes()
            + " bytes (setting maxBytes); declare fewer or smaller dependencies, or ask the operator.");
  }

  private void checkSnapshot(Artifact a, String what) {
    if (a.isSnapshot() && !settings.allowSnapshots()) {
      throw new InvalidInputException(
          "The dependency "
              + what
              + " is a SNAPSHOT, which this gateway refuses (setting "
              + "allowSnapshots): SNAPSHOTs change under the same name; depend on a released version.");
    }
  }

  private InvalidInputException notAllowed(String what) {
    return new InvalidInputException(
        "The dependency "
            + what
            + " is not on this gateway's allowlist "
            + allowlist.stream().map(AllowRule::text).toList()
            + "; use an admitted one (GET /api/v1/dependencies-versions/ lists them) or ask "
            + "the operator to add it.");
  }

  private static boolean isDynamic(String version) {
    if (version.equals("LATEST") || version.equals("RELEASE")) {
      return true;
    }
    try {
      return AllowRule.VERSIONS.parseVersionConstraint(version).getRange() != null;
    } catch (InvalidVersionSpecificationException e) {
      throw new InvalidInputException(
          "The version '" + version + "' is not valid: " + e.getMessage());
    }
  }
}
