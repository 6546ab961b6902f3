package io.qserverless.gateway.dependency;

import io.qserverless.gateway.error.InvalidInputException;
import io.qserverless.gateway.error.RequestRefusedException;
import io.qserverless.gateway.error.UpstreamFailedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.aether.RepositoryException;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.ArtifactTransferException;
import org.eclipse.aether.transfer.ChecksumFailureException;

/**
 * Turns a failed resolution into the answer a user can act on: the user's mistake (unknown
 * coordinates, no version in a range) is a 400; the repository's fault (down, or a file failing its
 * checksum) is a 502, because changing the upload would not help.
 *
 * <p>Maven Resolver reports failures as a tree (collection and artifact results hold their own
 * exceptions besides the cause chain); the most telling one wins: a checksum failure, then an
 * unreachable repository, then a missing artifact, then an unreadable POM.
 */
final class ResolutionFailures {
  private ResolutionFailures() {}

  static RequestRefusedException of(RepositoryException e, List<String> repositories) {
    List<Throwable> all = flatten(e);
    Optional<ChecksumFailureException> checksum = first(all, ChecksumFailureException.class);
    if (checksum.isPresent()) {
      ArtifactTransferException t = first(all, ArtifactTransferException.class).orElse(null);
      return new UpstreamFailedException(
          "A file of "
              + (t == null ? "the dependencies" : t.getArtifact())
              + " downloaded from "
              + (t == null || t.getRepository() == null ? repositories : t.getRepository().getUrl())
              + " does not match its published checksum ("
              + checksum.get().getMessage()
              + "); nothing was stored. "
              + "Retry later; if it persists the repository is corrupt or tampered with: tell the operator.");
    }
    Optional<ArtifactTransferException> down =
        all.stream()
            .filter(
                t ->
                    t instanceof ArtifactTransferException
                        && !(t instanceof ArtifactNotFoundException))
            .map(ArtifactTransferException.class::cast)
            .findFirst();
    if (down.isPresent()) {
      return new UpstreamFailedException(
          "The dependency repository could not be reached for "
              + down.get().getArtifact()
              + " ("
              + rootMessage(down.get())
              + "); nothing was stored. Retry later, or ask the operator to check the "
              + "repositories "
              + repositories
              + ".");
    }
    Optional<ArtifactNotFoundException> missing = first(all, ArtifactNotFoundException.class);
    if (missing.isPresent()) {
      Artifact a = missing.get().getArtifact();
      return new InvalidInputException(
          "The dependency "
              + a.getGroupId()
              + ":"
              + a.getArtifactId()
              + ":"
              + a.getVersion()
              + (a.getClassifier().isEmpty() ? "" : " (classifier " + a.getClassifier() + ")")
              + " is not in the repositories "
              + repositories
              + "; check its group, artifact and version.");
    }
    Optional<VersionRangeResolutionException> range =
        first(all, VersionRangeResolutionException.class);
    if (range.isPresent()) {
      return new InvalidInputException(
          "No version of "
              + range.get().getResult().getRequest().getArtifact()
              + " in the repositories "
              + repositories
              + " matches its range; widen the range or give one version.");
    }
    Optional<ArtifactDescriptorException> pom = first(all, ArtifactDescriptorException.class);
    if (pom.isPresent()) {
      return new UpstreamFailedException(
          "The POM of "
              + pom.get().getResult().getRequest().getArtifact()
              + " in the repositories "
              + repositories
              + " cannot be read ("
              + rootMessage(pom.get())
              + "), so its dependencies are unknown; nothing was stored. Tell the operator, or depend on another version.");
    }
    return new UpstreamFailedException(
        "The dependencies could not be resolved ("
            + rootMessage(e)
            + "); nothing was stored. Retry later, or ask the operator to check the repositories "
            + repositories
            + ".");
  }

  private static <T> Optional<T> first(List<Throwable> all, Class<T> type) {
    return all.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** Every throwable of the failure tree, each once, parents before their children. */
  private static List<Throwable> flatten(Throwable top) {
    List<Throwable> out = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> todo = new ArrayList<>(List.of(top));
    while (!todo.isEmpty()) {
      Throwable t = todo.removeFirst();
      if (t == null || !seen.add(t)) {
        continue;
      }
      out.add(t);
      todo.add(t.getCause());
      todo.addAll(List.of(t.getSuppressed()));
      switch (t) {
        case DependencyResolutionException d -> {
          todo.addAll(d.getResult().getCollectExceptions());
          d.getResult().getArtifactResults().stream()
              .map(ArtifactResult::getExceptions)
              .forEach(todo::addAll);
        }
        case ArtifactResolutionException a ->
            a.getResults().stream().map(ArtifactResult::getExceptions).forEach(todo::addAll);
        case DependencyCollectionException c -> todo.addAll(c.getResult().getExceptions());
        case ArtifactDescriptorException d -> todo.addAll(d.getResult().getExceptions());
        default -> {}
      }
    }
    return out;
  }
}
