package io.qserverless.gateway.dependency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.aether.RepositoryException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession.CloseableSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves a function's declared Maven coordinates, once, at upload: the jars its jobs get.
 *
 * <pre>{@code
 * DependencyResolver deps = new DependencyResolver(dataDir.resolve("dependencies"), settings, platformJars, "qs/1.0");
 * List<ResolvedDependency> jars = deps.resolve(List.of("org.apache.commons:commons-math3:3.6.1"));
 * }</pre>
 *
 * <p>The steps, each refusing with the coordinate and the rule (see {@link DependencyPolicy}):
 * check the declared coordinates; collect the dependency graph with its transitive runtime
 * dependencies (POMs only); check the graph; download the jars (capped); store each by content in
 * the {@link JarCache}. A refusal or failure at any step stores nothing a function refers to (files
 * left in Maven's local repository are only a cache). Jobs never call this: a repository outage
 * does not stop functions already uploaded. Thread-safe.
 */
public final class DependencyResolver implements AutoCloseable {
  private final Path root;
  private final DependencySettings settings;
  private final List<Path> platform;
  private final String userAgent;
  private Engine engine;

  /**
   * What resolving needs, built on the first resolution: a gateway whose functions declare no
   * dependencies never pays for it (measured: 0.3 s of class loading and platform-jar reading at
   * gateway start on the loaded 2-core machine).
   */
  private record Engine(DependencyPolicy policy, MavenRepositories repositories, JarCache jars) {}

  /**
   * @param root the cache directory: Maven's local repository under {@code repository/}, the jars
   *     jobs use under {@code jars/}
   * @param platform the platform classpath entries every Java job has (their coordinates must not
   *     clash)
   */
  public DependencyResolver(
      Path root, DependencySettings settings, List<Path> platform, String userAgent) {
    this.root = root;
    this.settings = settings;
    this.platform = List.copyOf(platform);
    this.userAgent = userAgent;
  }

  /**
   * What the policy admits ({@code GET /api/v1/dependencies-versions/}): the allowlist patterns, or
   * {@code ["*"]} for any coordinate.
   */
  public List<String> admitted() {
    return settings.allowlist().isEmpty() ? List.of("*") : settings.allowlist();
  }

  /**
   * The jars {@code declared} resolves to, in classpath order; refuses (400) or fails (502) with a
   * message.
   */
  public List<ResolvedDependency> resolve(List<String> declared) {
    if (declared.isEmpty()) {
      return List.of();
    }
    Engine e = engine();
    DependencyPolicy policy = e.policy();
    MavenRepositories repositories = e.repositories();
    Map<String, String> declaredByKey = new LinkedHashMap<>();
    List<Dependency> roots = new ArrayList<>();
    for (String text : declared) {
      Artifact a = policy.declared(text);
      declaredByKey.put(key(a), text);
      roots.add(new Dependency(a, JavaScopes.COMPILE));
    }
    DownloadCap cap = new DownloadCap(settings.maxBytes());
    RepositorySystem system = repositories.system();
    try (CloseableSession session = repositories.session(cap, userAgent)) {
      DependencyNode graph =
          system
              .collectDependencies(
                  session, new CollectRequest(roots, List.of(), repositories.remotes()))
              .getRoot();
      check(policy, graph, declaredByKey);
      DependencyFilter onClasspath =
          DependencyFilterUtils.andFilter(
              DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME),
              (node, parents) ->
                  node.getArtifact() == null || policy.onClasspath(node.getArtifact()));
      List<ArtifactResult> results =
          system
              .resolveDependencies(session, new DependencyRequest(graph, onClasspath))
              .getArtifactResults();
      long total = 0;
      for (ArtifactResult r : results) {
        total += size(r.getArtifact().getPath());
      }
      policy.checkSize(total);
      return results.stream().map(r -> e.jars().store(r.getArtifact())).toList();
    } catch (RepositoryException failure) {
      if (cap.exceeded()) {
        throw policy.tooLarge("come to more than " + cap.reached() + " bytes");
      }
      throw ResolutionFailures.of(failure, repositories.urls());
    }
  }

  @Override
  public synchronized void close() {
    if (engine != null) {
      engine.repositories().close();
    }
  }

  private synchronized Engine engine() {
    if (engine == null) {
      engine =
          new Engine(
              new DependencyPolicy(settings, PlatformArtifacts.of(platform)),
              new MavenRepositories(root.resolve("repository"), settings.repositories()),
              new JarCache(root.resolve("jars")));
    }
    return engine;
  }

  /**
   * Checks every artifact of the collected graph, each once, knowing which declared dependency
   * pulled it in.
   */
  private static void check(
      DependencyPolicy policy, DependencyNode graph, Map<String, String> declaredByKey) {
    Set<String> seen = new HashSet<>();
    for (DependencyNode top : graph.getChildren()) {
      String topText =
          declaredByKey.getOrDefault(key(top.getArtifact()), top.getArtifact().toString());
      List<DependencyNode> todo = new ArrayList<>(List.of(top));
      while (!todo.isEmpty()) {
        DependencyNode n = todo.removeFirst();
        if (!seen.add(key(n.getArtifact()))) {
          continue;
        }
        policy.resolved(n.getArtifact(), n == top ? topText : null, topText);
        todo.addAll(n.getChildren());
      }
    }
  }

  private static String key(Artifact a) {
    return a.getGroupId()
        + ":"
        + a.getArtifactId()
        + ":"
        + a.getExtension()
        + ":"
        + a.getClassifier();
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
