package io.qserverless.gateway.dependency;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession.CloseableSession;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.TransferListener;
import org.eclipse.aether.util.repository.SimpleArtifactDescriptorPolicy;

/**
 * Maven Resolver set up for the gateway: the operator's repositories and a local repository
 * (Maven's own resolution cache, keyed by coordinates) under the gateway's data directory.
 *
 * <p>The repository system is built on first use. Sessions refuse a file whose checksum does not
 * match, and ignore the repositories a POM declares: only the operator chooses where code comes
 * from (an air-gapped site must never reach out). A missing or invalid POM fails the resolution,
 * where Maven would warn and go on without the artifact's transitive dependencies: the job would
 * then fail at run time instead of the upload. Missing artifacts are looked up again on the next
 * upload rather than remembered as missing for a day, Maven's default. Thread-safe.
 */
final class MavenRepositories implements AutoCloseable {
  private static final RepositoryPolicy POLICY =
      new RepositoryPolicy(
          true, RepositoryPolicy.UPDATE_POLICY_ALWAYS, RepositoryPolicy.CHECKSUM_POLICY_FAIL);
  private final Path localRepository;
  private final List<RemoteRepository> remotes;
  private RepositorySystem system;

  MavenRepositories(Path localRepository, List<String> repositories) {
    this.localRepository = localRepository;
    this.remotes = repositories.stream().map(MavenRepositories::remote).toList();
  }

  List<RemoteRepository> remotes() {
    return remotes;
  }

  /** The repositories' URLs, for messages. */
  List<String> urls() {
    return remotes.stream().map(RemoteRepository::getUrl).toList();
  }

  synchronized RepositorySystem system() {
    if (system == null) {
      system = new RepositorySystemSupplier().get();
    }
    return system;
  }

  /** A session for one upload's resolution; {@code downloads} sees every transfer. */
  CloseableSession session(TransferListener downloads, String userAgent) {
    return new SessionBuilderSupplier(system())
        .get()
        .withLocalRepositoryBaseDirectories(localRepository)
        .setSystemProperties(System.getProperties())
        .setIgnoreArtifactDescriptorRepositories(true)
        .setArtifactDescriptorPolicy(new SimpleArtifactDescriptorPolicy(false, false))
        .setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_FAIL)
        .setTransferListener(downloads)
        .setConfigProperty(ConfigurationProperties.USER_AGENT, userAgent)
        .setConfigProperty(ConfigurationProperties.CONNECT_TIMEOUT, 10_000)
        .setConfigProperty(ConfigurationProperties.REQUEST_TIMEOUT, 60_000)
        .build();
  }

  @Override
  public synchronized void close() {
    if (system != null) {
      system.shutdown();
    }
  }

  /**
   * The repository at {@code urlOrPath}. Its id is derived from the URL, because Maven's local
   * repository remembers which repository id each cached file came from and serves it only to that
   * id: a stable id keeps the cache valid across restarts and reorderings.
   */
  private static RemoteRepository remote(String urlOrPath) {
    String url = DependencySettings.url(urlOrPath);
    String id = url.equals(DependencySettings.MAVEN_CENTRAL) ? "central" : "repo-" + shortHash(url);
    return new RemoteRepository.Builder(id, "default", url).setPolicy(POLICY).build();
  }

  private static String shortHash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
