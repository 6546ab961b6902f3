package io.qserverless.gateway.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A sandbox made with bubblewrap ({@code bwrap}) and {@code prlimit}: no root, only user
 * namespaces.
 *
 * <p>The job runs as an ordinary OS user: when the gateway runs as root, as its owner's own user
 * ({@link JobUsers}; bwrap, as root, makes the mounts, and {@code setpriv} switches to that user
 * inside the sandbox before the program starts); else in its own user namespace as {@code nobody},
 * which the kernel maps to the gateway's own user. Either way it has no capability, its own PID
 * namespace (it sees and signals only its own processes; when its init ends, the kernel ends every
 * descendant, double-forked ones included), IPC and UTS namespaces, and a new session (no terminal
 * injection). Its root is an empty read-only tmpfs holding, read-only, the system's own directories
 * and a few files of {@code /etc}, and the paths of its {@link Confinement}; a private, size-capped
 * {@code /tmp}; a fresh {@code /proc} and a minimal {@code /dev}. A directory holding nothing but
 * jars, several of them on the class path, is bound whole. The network is shared, so a job reaches
 * the gateway on loopback.
 *
 * <p>The job's environment (its token among it) travels as {@code --setenv} arguments in a file
 * (readable by the gateway's user only) that bwrap reads on fd 3 ({@code --args 3}) and closes:
 * never in a command line, which every local user can read, and never in the environment of a
 * process outside the sandbox, where an {@code LD_PRELOAD} or {@code PATH} from a function's
 * env_vars would run the user's code unconfined. Everything outside the sandbox runs with {@code
 * PATH=/usr/bin:/bin} only.
 *
 * <p>Limits: RLIMIT_NPROC, RLIMIT_FSIZE, RLIMIT_NOFILE and no core files, through prlimit. The
 * kernel counts RLIMIT_NPROC per user of the machine (through every user namespace) and exempts
 * root, which is why a job never runs as root's user: as its owner's user, the cap holds the
 * owner's running jobs together; in a user namespace, the gateway's user's processes together.
 */
final class Bubblewrap implements Sandbox {
  private static final List<String> SYSTEM =
      List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");
  // What programs need of /etc: the dynamic linker's cache, name resolution, CA certificates, the
  // time zone, user names; never /etc/shadow or the machine's other configuration.
  // Each bind costs the job's start a mount: keep this list short.
  private static final List<String> ETC =
      List.of(
          "/etc/ld.so.cache",
          "/etc/ld.so.conf",
          "/etc/ld.so.conf.d",
          "/etc/alternatives",
          "/etc/hosts",
          "/etc/resolv.conf",
          "/etc/nsswitch.conf",
          "/etc/ssl",
          "/etc/localtime",
          "/etc/passwd",
          "/etc/group");
  private static final String NOBODY = "65534";
  private static final Path TMP = Path.of("/tmp");
  // What setpriv needs, in the sandbox, to become the job's user and empty the bounding set.
  private static final List<String> SWITCH_CAPABILITIES =
      List.of("--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "--cap-add", "CAP_SETPCAP");
  private static final Map<String, String> OUTSIDE_ENV = Map.of("PATH", "/usr/bin:/bin");
  private final String bwrap;
  private final String prlimit;
  private final String setpriv;
  // Directories of class path jars and whether they hold nothing else; they do not change while the
  // gateway runs.
  private final Map<Path, Boolean> jarDirs = new ConcurrentHashMap<>();

  private Bubblewrap(String bwrap, String prlimit, String setpriv) {
    this.bwrap = bwrap;
    this.prlimit = prlimit;
    this.setpriv = setpriv;
  }

  /**
   * Finds bwrap, prlimit and setpriv and starts one empty sandbox to see that it works here: as
   * {@code user} when that is not {@link JobUsers#OWN}, else in a user namespace.
   */
  static Probe probe(long user) {
    Optional<Path> bwrap = onPath("bwrap");
    Optional<Path> prlimit = onPath("prlimit");
    Optional<Path> setpriv = onPath("setpriv");
    if (bwrap.isEmpty() || prlimit.isEmpty() || setpriv.isEmpty()) {
      return new Probe(
          null,
          "no "
              + (bwrap.isEmpty() ? "bwrap" : prlimit.isEmpty() ? "prlimit" : "setpriv")
              + " on PATH (Debian: apt-get install "
              + (bwrap.isEmpty() ? "bubblewrap" : "util-linux")
              + ")");
    }
    Bubblewrap b =
        new Bubblewrap(bwrap.get().toString(), prlimit.get().toString(), setpriv.get().toString());
    List<String> test = new ArrayList<>(List.of(b.bwrap));
    test.addAll(namespaces(user));
    test.addAll(systemBinds());
    test.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--"));
    test.addAll(b.asUser(user, List.of("/bin/true")));
    try {
      Process p = new ProcessBuilder(test).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return new Probe(
            null,
            "bwrap cannot make a sandbox here ("
                + (out.isEmpty() ? "exit " + p.exitValue() : out)
                + (user == JobUsers.OWN
                    ? "); user namespaces may be disabled (sysctl kernel.unprivileged_userns_clone, user.max_user_namespaces)"
                    : "; as root, with setpriv to uid " + user + ")"));
      }
      return new Probe(b, null);
    } catch (IOException e) {
      return new Probe(null, "bwrap did not start (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Probe(null, "interrupted while trying bwrap");
    }
  }

  @Override
  public Command confine(Confinement c, List<String> program, Map<String, String> environment)
      throws IOException {
    writeEnvironment(c.scratch(), environment);
    List<String> argv =
        new ArrayList<>(
            List.of(
                prlimit,
                "--nproc=" + c.processes(),
                "--fsize=" + c.fileBytes(),
                "--nofile=" + c.openFiles(),
                "--core=0",
                "--",
                bwrap,
                "--args",
                "3"));
    argv.addAll(namespaces(c.user()));
    argv.addAll(systemBinds());
    for (String etc : ETC) {
      argv.addAll(List.of("--ro-bind-try", etc, etc));
    }
    argv.addAll(
        List.of(
            "--proc",
            "/proc",
            "--dev",
            "/dev",
            "--size",
            Long.toString(c.tmpBytes()),
            // A job running as its owner's uid must be able to write its private /tmp.
            "--perms",
            "1777",
            "--tmpfs",
            "/tmp"));
    List<Path> bound = new ArrayList<>(SYSTEM.stream().map(Path::of).toList());
    List<String> binds = new ArrayList<>();
    Map<Path, Long> jarsPerDir =
        c.readOnly().stream()
            .filter(p -> p.toString().endsWith(".jar") && p.getParent() != null)
            .collect(Collectors.groupingBy(Path::getParent, Collectors.counting()));
    for (Path p : c.readOnly()) {
      Path bind =
          jarsPerDir.getOrDefault(p.getParent(), 0L) > 1 && onlyJars(p.getParent())
              ? p.getParent()
              : p;
      if (bound.stream().noneMatch(bind::startsWith)) {
        bound.add(bind);
        binds.addAll(List.of("--ro-bind-try", bind.toString(), bind.toString()));
      }
    }
    for (Path p : c.readWrite()) {
      bound.add(p);
      binds.addAll(List.of("--bind", p.toString(), p.toString()));
    }
    argv.addAll(parents(bound.subList(SYSTEM.size(), bound.size())));
    argv.addAll(binds);
    argv.addAll(List.of("--remount-ro", "/", "--chdir", c.workDir().toString(), "--"));
    argv.addAll(asUser(c.user(), program));
    return new Command(argv, OUTSIDE_ENV, c.scratch());
  }

  @Override
  public boolean confines() {
    return true;
  }

  @Override
  public String description() {
    return "jobs run in a bubblewrap sandbox ("
        + bwrap
        + "): own PID, IPC and UTS namespaces, no capability, read-only system, "
        + "only their job directory and their owner's files writable";
  }

  /**
   * The namespaces and capabilities of the sandbox: as {@code user}, bwrap (run as root) keeps only
   * what {@link #asUser} needs to switch to it; else a user namespace.
   */
  private static List<String> namespaces(long user) {
    List<String> args = new ArrayList<>();
    if (user == JobUsers.OWN) {
      args.addAll(List.of("--unshare-user", "--uid", NOBODY, "--gid", NOBODY));
    }
    args.addAll(
        List.of(
            "--unshare-pid",
            "--unshare-ipc",
            "--unshare-uts",
            "--hostname",
            "qs-job",
            "--unshare-cgroup-try",
            "--die-with-parent",
            "--new-session",
            "--cap-drop",
            "ALL"));
    if (user != JobUsers.OWN) {
      args.addAll(SWITCH_CAPABILITIES);
    }
    return args;
  }

  /**
   * {@code program} run as {@code user} (its uid and gid, no other group, no capability, no
   * bounding set left), or as it is for {@link JobUsers#OWN}.
   */
  private List<String> asUser(long user, List<String> program) {
    if (user == JobUsers.OWN) {
      return program;
    }
    List<String> cmd =
        new ArrayList<>(
            List.of(
                setpriv,
                "--reuid=" + user,
                "--regid=" + user,
                "--clear-groups",
                "--inh-caps=-all",
                "--bounding-set=-all",
                "--"));
    cmd.addAll(program);
    return cmd;
  }

  /**
   * The system's directories read-only; on a merged-/usr system, /bin, /lib... are links into /usr
   * and stay links.
   */
  private static List<String> systemBinds() {
    List<String> args = new ArrayList<>();
    for (String dir : SYSTEM) {
      Path p = Path.of(dir);
      if (Files.isSymbolicLink(p)) {
        try {
          args.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), dir));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the link " + dir, e);
        }
      } else if (Files.isDirectory(p)) {
        args.addAll(List.of("--ro-bind", dir, dir));
      }
    }
    return args;
  }

  /**
   * The directories above {@code binds}, made before them, top down, open to the job's user (mode
   * 0755): bwrap would otherwise copy each one's mode from the host, where e.g. a data directory of
   * mode 0700 would keep a job that does not run as the gateway's user out of its own files.
   */
  private static List<String> parents(List<Path> binds) {
    Set<Path> parents = new LinkedHashSet<>();
    for (Path bind : binds) {
      for (int i = 1; i < bind.getNameCount(); i++) {
        Path parent = bind.getRoot().resolve(bind.subpath(0, i));
        if (!parent.equals(TMP) && SYSTEM.stream().noneMatch(parent::startsWith)) {
          parents.add(parent);
        }
      }
    }
    List<String> args = new ArrayList<>();
    parents.forEach(p -> args.addAll(List.of("--dir", p.toString())));
    return args;
  }

  /**
   * True when {@code dir} holds jars only, so binding it whole (one mount instead of one per jar;
   * each mount costs the job's start about a millisecond) shows the job no other kind of file.
   */
  private boolean onlyJars(Path dir) {
    return jarDirs.computeIfAbsent(
        dir,
        d -> {
          try (Stream<Path> s = Files.list(d)) {
            return s.allMatch(
                p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p));
          } catch (IOException e) {
            return false;
          }
        });
  }

  /** bwrap's --args file: NUL-separated, readable by the gateway's user only. */
  private static void writeEnvironment(Path file, Map<String, String> environment)
      throws IOException {
    StringBuilder args = new StringBuilder("--clearenv\0");
    environment.forEach(
        (k, v) -> {
          // A NUL would end the argument early and make the rest bwrap options (say, a bind of /).
          if (k.isEmpty() || k.indexOf('=') >= 0 || (k + v).indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                "the job's environment variable '"
                    + k.replace('\0', '?')
                    + "' has no name, a '=' in it, or a NUL in its name or value");
          }
          args.append("--setenv\0").append(k).append('\0').append(v).append('\0');
        });
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, args, StandardCharsets.UTF_8);
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(File.pathSeparator))
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, name))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
