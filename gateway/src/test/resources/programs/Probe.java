import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A plain-JDK job program following the env contract; its "mode" argument picks a behaviour. */
public class Probe {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    String arguments = Files.readString(Path.of(System.getenv("ARGUMENTS_PATH")));
    System.out.println("probe started");
    String mode = field(arguments, "mode");
    String result = "{\"echo\": " + arguments + "}";
    switch (mode == null ? "" : mode) {
      case "sleep", "await" -> {
        System.out.println("sub_status " + call("PATCH", "/api/v1/jobs/" + System.getenv("ENV_JOB_ID_GATEWAY") + "/sub_status/", "{\"sub_status\": \"MAPPING\"}"));
        long ms = Long.parseLong(field(arguments, "ms"));
        if (mode.equals("sleep")) {
          Thread.sleep(ms);
        } else { // until the file appears in DATA_PATH, at most ms
          Path file = Path.of(System.getenv("DATA_PATH"), field(arguments, "file"));
          for (long end = System.currentTimeMillis() + ms; !Files.exists(file) && System.currentTimeMillis() < end; ) {
            Thread.sleep(50);
          }
          result = "{\"echo\": " + arguments + ", \"saw\": " + Files.exists(file) + "}";
        }
      }
      case "exit3" -> System.exit(3);
      case "throw" -> throw new IllegalStateException("probe failure on purpose");
      case "oom" -> {
        List<long[]> hog = new ArrayList<>();
        while (true) {
          hog.add(new long[1 << 20]);
        }
      }
      case "token" -> result = "{\"own\": " + call("GET", "/api/v1/jobs/" + System.getenv("ENV_JOB_ID_GATEWAY") + "/", null)
          + ", \"other\": " + call("GET", "/api/v1/jobs/" + field(arguments, "other") + "/", null)
          + ", \"run\": " + call("POST", "/api/v1/programs/run/", "{\"title\": \"probe\"}")
          + ", \"files\": " + call("GET", "/api/v1/files/?function=" + field(arguments, "function"), null)
          + ", \"programs\": " + call("GET", "/api/v1/programs/", null) + "}";
      case "data" -> result = "{\"files\": \"" + String.join(",", new java.io.File(System.getenv("DATA_PATH")).list()) + "\"}";
      case "classes" -> result = "{\"runtime\": " + present("io.qserverless.runtime.Serverless")
          + ", \"jackson\": " + present("tools.jackson.databind.ObjectMapper")
          + ", \"javalin\": " + present("io.javalin.Javalin") + ", \"h2\": " + present("org.h2.Driver") + "}";
      default -> { }
    }
    Files.writeString(Path.of(System.getenv("RESULTS_PATH")), result);
    System.out.println("probe done");
  }

  static int call(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(System.getenv("ENV_JOB_GATEWAY_HOST") + path))
        .header("Authorization", "Bearer " + System.getenv("ENV_JOB_GATEWAY_TOKEN"))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  static boolean present(String className) {
    try {
      Class.forName(className, false, Probe.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
    return m.find() ? m.group(1) : null;
  }
}
