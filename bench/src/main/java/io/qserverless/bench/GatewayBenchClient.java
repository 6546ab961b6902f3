package io.qserverless.bench;

import io.qserverless.gateway.Gateway;
import io.qserverless.gateway.config.GatewayConfig;
import io.qserverless.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import tools.jackson.databind.JsonNode;

/**
 * What the gateway benchmarks share: an in-process gateway on loopback, a plain HTTP client with
 * its token, uploading a one-file program, and percentiles.
 */
final class GatewayBenchClient implements AutoCloseable {
  final Gateway gateway;
  final HttpClient http = HttpClient.newHttpClient();
  final String token;
  private final Path data;

  GatewayBenchClient(Consumer<GatewayConfig.Builder> settings) throws IOException {
    data = Files.createTempDirectory("qs-bench");
    GatewayConfig.Builder b = GatewayConfig.builder(data).port(0);
    settings.accept(b);
    gateway = Gateway.start(b.build());
    token = gateway.initialToken();
  }

  JsonNode send(String method, String path, String json) throws IOException, InterruptedException {
    return send(token, method, path, json);
  }

  JsonNode send(String as, String method, String path, String json)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            request(as, path)
                .header("Content-Type", "application/json")
                .method(
                    method,
                    json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body().isEmpty() ? null : Json.MAPPER.readTree(r.body());
  }

  HttpRequest.Builder request(String path) {
    return request(token, path);
  }

  HttpRequest.Builder request(String as, String path) {
    return HttpRequest.newBuilder(URI.create(gateway.url() + path))
        .header("Authorization", "Bearer " + as);
  }

  /** A new user (created by the admin) and its token. */
  String newUser(String name) throws IOException, InterruptedException {
    String body = "{\"username\": \"" + name + "\", \"password\": \"bench-password\"}";
    send("POST", "/api/v1/users/", body);
    return send(null, "POST", "/api/v1/auth/login/", body).get("token").asString();
  }

  /** Uploads one file as a function of the admin user. */
  void upload(String title, String file, String content) throws IOException, InterruptedException {
    upload(token, title, file, content);
  }

  /** Uploads one file as a function of the user of {@code as}. */
  void upload(String as, String title, String file, String content)
      throws IOException, InterruptedException {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(tar)) {
      TarArchiveEntry e = new TarArchiveEntry(file);
      byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
      e.setSize(bytes.length);
      e.setMode(0755);
      t.putArchiveEntry(e);
      t.write(bytes);
      t.closeArchiveEntry();
    }
    String b = "qsbench";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (var f : Map.of("title", title, "entrypoint", file).entrySet()) {
      body.writeBytes(
          ("--"
                  + b
                  + "\r\nContent-Disposition: form-data; name=\""
                  + f.getKey()
                  + "\"\r\n\r\n"
                  + f.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(
        ("--"
                + b
                + "\r\nContent-Disposition: form-data; name=\"artifact\"; filename=\"a.tar\"\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(tar.toByteArray());
    body.writeBytes(("\r\n--" + b + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        http.send(
            request(as, "/api/v1/programs/upload/")
                .header("Content-Type", "multipart/form-data; boundary=" + b)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("upload answered " + r.statusCode() + ": " + r.body());
    }
  }

  /**
   * Runs {@code title} with the run request {@code body}, waits for it to end, and returns its log;
   * fails unless it succeeded.
   */
  String runToEnd(String body) throws IOException, InterruptedException {
    String id = send("POST", "/api/v1/programs/run/", body).get("id").asString();
    String status;
    do {
      Thread.sleep(20);
      status = send("GET", "/api/v1/jobs/" + id + "/", null).get("status").asString();
    } while (!status.equals("SUCCEEDED") && !status.equals("FAILED") && !status.equals("STOPPED"));
    String log =
        new String(
            http.send(
                    request("/api/v1/jobs/" + id + "/logs/").build(),
                    HttpResponse.BodyHandlers.ofByteArray())
                .body(),
            StandardCharsets.UTF_8);
    if (!status.equals("SUCCEEDED")) {
      throw new IllegalStateException("job " + id + " ended " + status + ": " + log);
    }
    return log;
  }

  /**
   * Waits until the gateway's job JVM caches are trained, so that a benchmark measures the start of
   * a gateway that has run before, not its first minute.
   */
  void awaitJvmCaches() throws InterruptedException, TimeoutException {
    gateway.jvmCaches().awaitTraining(Duration.ofMinutes(10));
  }

  static String percentiles(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return String.format(
        "p50 %.1f ms, p99 %.1f ms, max %.1f ms",
        s[s.length / 2] / 1e6,
        s[(int) Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)] / 1e6,
        s[s.length - 1] / 1e6);
  }

  @Override
  public void close() {
    gateway.close();
    // Its JVM caches alone are tens of MiB; jobs may still be ending, so best effort.
    try (Stream<Path> files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete the benchmark's gateway data " + data + ": " + e);
    }
  }
}
