package io.qserverless.gateway;

import static org.awaitility.Awaitility.await;

import io.qserverless.gateway.config.GatewayConfig;
import io.qserverless.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import tools.jackson.databind.JsonNode;

/**
 * The one test harness: a real gateway on loopback (in-process, or reached at a URL), a real HTTP
 * client, tar building, and waits on job status.
 *
 * <p>{@link #shared()} is one gateway for all test classes that need no special settings, so the
 * probe program is compiled once per test run.
 */
public final class GatewayHarness implements AutoCloseable {
  private static GatewayHarness shared;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final Gateway gateway;
  final Path dataDir;
  final String url;
  final String token;

  /** What an HTTP call answered. */
  public record Answer(int status, String body, HttpHeadersView headers) {
    public JsonNode json() {
      return Json.MAPPER.readTree(body);
    }

    public String message() {
      return json().path("message").asString();
    }
  }

  /** The response headers, by name. */
  public record HttpHeadersView(java.net.http.HttpHeaders raw) {
    public String get(String name) {
      return raw.firstValue(name).orElse(null);
    }
  }

  private GatewayHarness(Gateway gateway, Path dataDir, String url, String token) {
    this.gateway = gateway;
    this.dataDir = dataDir;
    this.url = url;
    this.token = token;
  }

  /** A gateway for all tests that need only the defaults (a generous node, short stop grace). */
  public static synchronized GatewayHarness shared() {
    if (shared == null) {
      shared = start(b -> {});
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  /** A fresh gateway on a random port in a new temporary data directory. */
  public static GatewayHarness start(Consumer<GatewayConfig.Builder> settings) {
    try {
      Path dir = Files.createTempDirectory("qs-gateway-test");
      GatewayConfig.Builder b =
          GatewayConfig.builder(dir)
              .jvmCaches(false)
              .port(0)
              .node(64, 64L << 30)
              .jobDefaults(0.25, 128L << 20)
              .stopGrace(Duration.ofSeconds(2))
              .maxRunningJobs(32);
      settings.accept(b);
      Gateway gw = Gateway.start(b.build());
      return new GatewayHarness(gw, dir, gw.url(), gw.initialToken());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A harness for a gateway that runs elsewhere (e.g. a child process) at {@code url}. */
  public static GatewayHarness remote(String url, String token, Path dataDir) {
    return new GatewayHarness(null, dataDir, url, token);
  }

  public String url() {
    return url;
  }

  public String token() {
    return token;
  }

  /** A new user with its own API token. */
  public String newUser() {
    String name = "u" + UUID.randomUUID().toString().substring(0, 8);
    Answer a =
        send(
            "POST",
            "/api/v1/users/",
            token,
            json(Map.of("username", name, "password", "secret-pass-1")));
    if (a.status() != 200) {
      throw new IllegalStateException("user creation failed: " + a);
    }
    return send(
            "POST",
            "/api/v1/auth/login/",
            null,
            json(Map.of("username", name, "password", "secret-pass-1")))
        .json()
        .get("token")
        .asString();
  }

  /** A new user who has the probe program uploaded as function "probe"; answers its token. */
  public String newUserWithProbe() {
    String user = newUser();
    Answer a = uploadProbe(user, "probe");
    if (a.status() != 200) {
      throw new IllegalStateException("probe upload failed: " + a);
    }
    return user;
  }

  public Answer get(String path, String token) {
    return send("GET", path, token, null);
  }

  public Answer post(String path, String token, Object body) {
    return send("POST", path, token, body == null ? null : json(body));
  }

  public Answer send(String method, String path, String token, String body) {
    return send(method, path, token, "application/json", body);
  }

  /** A request with any content type and body (e.g. a malformed multipart body). */
  public Answer send(String method, String path, String token, String contentType, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", contentType);
    }
    return call(b, token);
  }

  /** Uploads a function: the multipart form of API.md with a tar as 'artifact'. */
  public Answer upload(String token, String title, String entrypoint, byte[] tar) {
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("title", title);
    parts.put("entrypoint", entrypoint);
    parts.put("artifact", new FilePart("artifact.tar", tar));
    return multipart("/api/v1/programs/upload/", token, parts);
  }

  /** The probe program (src/test/resources/programs/Probe.java) uploaded as {@code title}. */
  public Answer uploadProbe(String token, String title) {
    return upload(token, title, "Probe.java", tar(Map.of("Probe.java", probeSource())));
  }

  /** A file part of a multipart form. */
  public record FilePart(String filename, byte[] bytes) {}

  /** Posts a multipart form; {@link FilePart} values are sent as files, others as text fields. */
  public Answer multipart(String path, String token, Map<String, Object> parts) {
    String boundary = "qs" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (var p : parts.entrySet()) {
      String head =
          "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.getKey() + "\"";
      byte[] content;
      if (p.getValue() instanceof FilePart f) {
        head += "; filename=\"" + f.filename() + "\"\r\nContent-Type: application/octet-stream";
        content = f.bytes();
      } else {
        content = String.valueOf(p.getValue()).getBytes(StandardCharsets.UTF_8);
      }
      out.writeBytes((head + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(content);
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return call(
        HttpRequest.newBuilder(URI.create(url + path))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())),
        token);
  }

  /** Runs a function and answers the new job's id. */
  public String run(String token, String title, String arguments) {
    Answer a = post("/api/v1/programs/run/", token, Map.of("title", title, "arguments", arguments));
    if (a.status() != 200) {
      throw new IllegalStateException("run failed: " + a);
    }
    return a.json().get("id").asString();
  }

  /** Waits until the job has one of {@code statuses} and answers its JSON. */
  public JsonNode awaitStatus(String token, String jobId, String... statuses) {
    List<String> wanted = Arrays.asList(statuses);
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              Answer a = get("/api/v1/jobs/" + jobId + "/", token);
              if (a.status() != 200) {
                throw new AssertionError("GET job " + jobId + " answered " + a);
              }
              last[0] = a.json();
              return wanted.contains(last[0].get("status").asString());
            });
    return last[0];
  }

  public static byte[] tar(Map<String, byte[]> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      for (var f : files.entrySet()) {
        TarArchiveEntry e = new TarArchiveEntry(f.getKey());
        e.setSize(f.getValue().length);
        e.setMode(f.getKey().endsWith(".sh") ? 0755 : 0644);
        tar.putArchiveEntry(e);
        tar.write(f.getValue());
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static byte[] probeSource() {
    try (var in = GatewayHarness.class.getResourceAsStream("/programs/Probe.java")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String json(Object o) {
    return Json.MAPPER.writeValueAsString(o);
  }

  private static Answer call(HttpRequest.Builder b, String token) {
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body(), new HttpHeadersView(r.headers()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (gateway != null) {
      gateway.close();
    }
  }
}
