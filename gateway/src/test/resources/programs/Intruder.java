import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A job program of an attacker: with mode "env" it reports its own environment; with mode "attack"
 * it tries to reach what belongs to another user's running job, given the paths and pid the
 * attacker would guess or learn, and reports each attempt as "denied: ..." or "GOT: ...".
 */
public class Intruder {
  public static void main(String[] args) throws Exception {
    String arguments = Files.readString(Path.of(System.getenv("ARGUMENTS_PATH")));
    Map<String, String> result = new LinkedHashMap<>();
    if ("env".equals(field(arguments, "mode"))) {
      result.putAll(System.getenv());
    } else {
      long pid = Long.parseLong(field(arguments, "victimPid"));
      String token = System.getenv("ENV_JOB_GATEWAY_TOKEN");
      result.put("read the victim's environment", attempt(() -> Files.readString(Path.of("/proc/" + pid + "/environ"))));
      result.put("find another job's token in /proc", attempt(() -> otherTokens(token)));
      result.put("read the victim's arguments.json", attempt(() -> Files.readString(Path.of(field(arguments, "victimArguments")))));
      result.put("list the victim's files", attempt(() -> list(Path.of(field(arguments, "victimFiles")))));
      result.put("read the victim's file", attempt(() -> Files.readString(Path.of(field(arguments, "victimFile")))));
      String database = field(arguments, "database");
      result.put("read the database file", attempt(() -> Files.size(Path.of(database)) + " bytes"));
      result.put("read the database through /proc/self/root", attempt(() -> Files.size(Path.of("/proc/self/root" + database)) + " bytes"));
      result.put("read the database through /proc/1/root", attempt(() -> Files.size(Path.of("/proc/1/root" + database)) + " bytes"));
      result.put("read the victim's file through its /proc/<pid>/root", attempt(() -> Files.readString(Path.of("/proc/" + pid + "/root" + field(arguments, "victimFile")))));
      String own = System.getenv("ENV_JOB_ID_GATEWAY");
      String ownArtifact = Path.of("").toAbsolutePath().getParent().getFileName().toString();
      result.put("list other jobs' directories", attempt(() -> others(Path.of(field(arguments, "dataDir"), "jobs"), own)));
      result.put("list other functions' artifacts", attempt(() -> others(Path.of(field(arguments, "dataDir"), "artifacts"), ownArtifact)));
      result.put("signal the victim (ProcessHandle)", attempt(() -> ProcessHandle.of(pid).map(p -> p.destroyForcibly() ? "signalled" : null).orElse(null)));
      result.put("signal the victim (kill -9)", attempt(() -> kill(pid)));
      result.put("read GATEWAY_PASSWORD", attempt(() -> System.getenv("GATEWAY_PASSWORD")));
    }
    StringBuilder json = new StringBuilder("{");
    result.forEach((k, v) -> json.append(json.length() > 1 ? ", " : "").append(quote(k)).append(": ").append(quote(v)));
    Files.writeString(Path.of(System.getenv("RESULTS_PATH")), json.append("}").toString());
  }

  interface Attempt {
    Object run() throws Exception;
  }

  /** "GOT: ..." when the attempt yields anything, else "denied: " and why. */
  static String attempt(Attempt a) {
    try {
      Object got = a.run();
      return got == null || got.toString().isEmpty() ? "denied: nothing there" : "GOT: " + got;
    } catch (Exception e) {
      return "denied: " + e;
    }
  }

  /** Job tokens in the environment of every process this job can see, other than its own. */
  static String otherTokens(String own) throws Exception {
    List<String> found = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          Matcher m = Pattern.compile("ENV_JOB_GATEWAY_TOKEN=([^\0]+)").matcher(Files.readString(p.resolve("environ")));
          if (m.find() && !m.group(1).equals(own)) {
            found.add(p.getFileName() + ":" + m.group(1));
          }
        } catch (Exception e) {
          // a process that ended or whose environ is unreadable
        }
      }
    }
    return String.join(",", found);
  }

  /** The entries of {@code dir} but {@code own}. */
  static String others(Path dir, String own) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return String.join(",", s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(own)).toList());
    }
  }

  static String list(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return String.join(",", s.map(p -> p.getFileName().toString()).toList());
    }
  }

  static String kill(long pid) throws Exception {
    Process p = new ProcessBuilder("/bin/sh", "-c", "kill -9 " + pid).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(10, TimeUnit.SECONDS);
    if (p.exitValue() != 0) {
      throw new IllegalStateException("kill exited " + p.exitValue() + ": " + out.trim());
    }
    return "killed";
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      b.append(c == '"' || c == '\\' ? "\\" + c : c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return b.append('"').toString();
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
    return m.find() ? m.group(1) : null;
  }
}
