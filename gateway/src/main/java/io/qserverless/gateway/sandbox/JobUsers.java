package io.qserverless.gateway.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Which OS user a user's jobs run as. As root, the gateway runs each user's jobs as that user's own
 * unprivileged uid (and gid) {@code first + user id}: the kernel then enforces RLIMIT_NPROC, which
 * it never does for root, and counts it per uid across every namespace, so the cap holds one user's
 * running jobs together and a fork bomb starves only its owner's jobs. One uid per user, rather
 * than per job, keeps the files a job leaves in {@code DATA_PATH} (which all of the owner's jobs
 * share) readable, writable and deletable by the owner's next job whatever their mode, with no pass
 * over the directory. What the jobs of one user could reach of each other's through the shared uid,
 * the sandbox hides: another job's directory is not in view, nor are its processes.
 *
 * <p>Not as root, or without a sandbox, jobs run as the gateway's own user ({@link #none()}).
 */
public final class JobUsers {
  /** The {@link Confinement#user()} of a job that runs as the gateway's own user. */
  public static final long OWN = -1;

  private static final JobUsers NONE = new JobUsers(OWN, 0);
  // Numeric ids must stay positive ints (the JDK's unix:uid attribute is an int).
  private static final long MAX_ID = Integer.MAX_VALUE;
  private final long first;
  private final long count;

  private JobUsers(long first, long count) {
    this.first = first;
    this.count = count;
  }

  /** Jobs run as the gateway's own user. */
  public static JobUsers none() {
    return NONE;
  }

  /**
   * Users of id 1 to {@code count} run their jobs as uid and gid {@code first + id}; the range must
   * hold no user or group of the machine.
   */
  public static JobUsers range(long first, long count) {
    if (first < 1000 || count < 1 || first + count > MAX_ID) {
      throw new IllegalArgumentException(
          "job uids "
              + first
              + "-"
              + (first + count)
              + " are not a range of ordinary ids: give first >= 1000 and first + count <= "
              + MAX_ID
              + ", away from the machine's own users and groups");
    }
    return new JobUsers(first, count);
  }

  /** True when this process runs as root, so it may run jobs as other users. */
  public static boolean asRoot() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException e) {
      return false; // no /proc: not Linux, and no bubblewrap either
    }
  }

  /** True when jobs run as their owners' own users. */
  public boolean switches() {
    return this != NONE;
  }

  /**
   * The uid (and gid) the jobs of user {@code userId} run as, or {@link #OWN}.
   *
   * @throws IllegalStateException when the range has no id for that user
   */
  public long uidOf(long userId) {
    if (!switches()) {
      return OWN;
    }
    if (userId < 1 || userId > count) {
      throw new IllegalStateException(
          "user "
              + userId
              + " has no job uid: the range of job uids starts at "
              + first
              + " and holds "
              + count
              + " users; the operator must widen it (--job-uids)");
    }
    return first + userId;
  }

  /** The uid to try the sandbox with at start: user 1's (running {@code /bin/true} only). */
  public long probeUid() {
    return uidOf(1);
  }

  /**
   * Makes {@code path} (never what a link there points to) belong to the user {@code userId}'s
   * jobs, so they may write it; nothing when jobs run as the gateway's own user.
   */
  public void own(Path path, long userId) throws IOException {
    if (switches()) {
      int id = (int) uidOf(userId);
      Files.setAttribute(path, "unix:uid", id, LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(path, "unix:gid", id, LinkOption.NOFOLLOW_LINKS);
    }
  }

  /**
   * Makes the entries of {@code dir} that are not yet the user's (files the gateway stored before
   * it ran jobs as their owners' users) belong to the user's jobs; links are changed themselves,
   * never what they point to.
   */
  public void ownFiles(Path dir, long userId) throws IOException {
    if (!switches()) {
      return;
    }
    Integer id = (int) uidOf(userId);
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.toList()) {
        if (!id.equals(Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS))) {
          own(p, userId);
        }
      }
    }
  }

  @Override
  public String toString() {
    return switches()
        ? "their owners' uids " + (first + 1) + "-" + (first + count)
        : "the gateway's own user, in a user namespace";
  }
}
