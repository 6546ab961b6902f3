package io.qserverless.client;

import io.qserverless.client.internal.TarArchive;
import io.qserverless.protocol.Json;
import io.qserverless.protocol.http.FilesApi;
import io.qserverless.protocol.http.GatewayHttp;
import io.qserverless.protocol.http.Multipart;
import io.qserverless.protocol.value.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The Java SDK's front door: one gateway, one user. Upload functions, run them, follow jobs, manage
 * files.
 *
 * <pre>{@code
 * ServerlessClient client = ServerlessClient.login("http://127.0.0.1:8000", "user", "password123");
 * client.upload(QiskitFunction.of("parallel-workflow", "ParallelWorkflow.java", Path.of("programs/pw")));
 * Job job = client.run("parallel-workflow", Map.of("circuits", circuits));
 * System.out.println(job.result());
 * }</pre>
 *
 * <p>A call the gateway refuses, or one that cannot reach it, throws {@link GatewayException} with
 * the gateway's message. Thread-safe and cheap to share.
 */
public final class ServerlessClient {
  /** The gateway a client talks to when {@code GATEWAY_HOST} is not set. */
  public static final String DEFAULT_HOST = "http://localhost:8000";

  private final GatewayHttp http;
  private final String token;
  private final FilesApi files;

  private ServerlessClient(GatewayHttp http, String token) {
    this.http = http;
    this.token = token;
    this.files = new FilesApi(http);
  }

  /** A client for {@code host} with an API token. */
  public static ServerlessClient connect(String host, String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(
          "no API token given for "
              + host
              + ": pass one (--token or GATEWAY_TOKEN), or log in with a username and password");
    }
    return new ServerlessClient(new GatewayHttp(host, token, GatewayException::new), token);
  }

  /** Logs in to {@code host} and returns a client with the user's API token. */
  public static ServerlessClient login(String host, String username, String password) {
    GatewayHttp anonymous = new GatewayHttp(host, null, GatewayException::new);
    JsonNode answer =
        anonymous.send(
            "POST", "api/v1/auth/login", Map.of("username", username, "password", password));
    String token = answer == null ? null : answer.path("token").asString(null);
    if (token == null) {
      throw new GatewayException(
          200, "the gateway at " + host + " answered the login without a token", null);
    }
    return new ServerlessClient(anonymous.withToken(token), token);
  }

  /**
   * A client from the environment: {@code GATEWAY_HOST} (default {@value #DEFAULT_HOST}), then
   * {@code GATEWAY_TOKEN}, or else {@code GATEWAY_USER} and {@code GATEWAY_PASSWORD} to log in.
   */
  public static ServerlessClient fromEnvironment() {
    return fromSettings(System.getenv());
  }

  /** As {@link #fromEnvironment()}, from {@code env} instead of the process environment. */
  public static ServerlessClient fromSettings(Map<String, String> env) {
    String host = env.getOrDefault("GATEWAY_HOST", DEFAULT_HOST);
    if (env.get("GATEWAY_TOKEN") != null) {
      return connect(host, env.get("GATEWAY_TOKEN"));
    }
    if (env.get("GATEWAY_USER") != null && env.get("GATEWAY_PASSWORD") != null) {
      return login(host, env.get("GATEWAY_USER"), env.get("GATEWAY_PASSWORD"));
    }
    throw new IllegalArgumentException(
        "no credentials for " + host + ": set GATEWAY_TOKEN, or GATEWAY_USER and GATEWAY_PASSWORD");
  }

  public String host() {
    return http.host();
  }

  /** The API token this client sends (from login, or as given). */
  public String token() {
    return token;
  }

  /** Uploads the function's working directory as a tar; a new version if the title exists. */
  public QiskitFunction upload(QiskitFunction function) {
    Path dir = function.workingDir();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "working directory "
              + dir
              + " of function '"
              + function.title()
              + "' is not a directory: pass the directory that holds "
              + function.entrypoint());
    }
    if (!Files.isRegularFile(dir.resolve(function.entrypoint()))) {
      throw new IllegalArgumentException(
          "entrypoint "
              + function.entrypoint()
              + " is not a file in "
              + dir
              + ": pass its path relative to the working directory");
    }
    Multipart form =
        new Multipart()
            .field("title", function.title())
            .field("entrypoint", function.entrypoint())
            .field("dependencies", Json.MAPPER.writeValueAsString(function.dependencies()))
            .field("env_vars", Json.MAPPER.writeValueAsString(function.envVars()))
            .field("description", function.description())
            .file("artifact", "artifact.tar", TarArchive.of(dir));
    return QiskitFunction.fromJson(http.post("api/v1/programs/upload/", form), this, dir);
  }

  /** The caller's functions. */
  public List<QiskitFunction> functions() {
    List<QiskitFunction> all = new ArrayList<>();
    http.get("api/v1/programs/").forEach(f -> all.add(QiskitFunction.fromJson(f, this, null)));
    return all;
  }

  /**
   * What the gateway admits as {@link QiskitFunction#withDependencies dependencies}: its allowlist
   * patterns ({@code group}, {@code group:artifact}, {@code group:artifact:version or range}), or
   * {@code "*"} when it admits any coordinate its repositories have.
   */
  public List<String> dependenciesVersions() {
    List<String> admitted = new ArrayList<>();
    http.get("api/v1/dependencies-versions/").forEach(p -> admitted.add(p.asString()));
    return admitted;
  }

  /**
   * The caller's function {@code title}; a {@link GatewayException} with status 404 if there is
   * none.
   */
  public QiskitFunction function(String title) {
    return QiskitFunction.fromJson(
        http.get("api/v1/programs/get_by_title/" + pathSegment(title) + "/"), this, null);
  }

  /** Runs function {@code title} with {@code arguments} (JSON-able; circuits allowed). */
  public Job run(String title, Map<String, ?> arguments) {
    return run(title, arguments, null);
  }

  /** Runs function {@code title} with {@code arguments} and {@code config} (null for defaults). */
  public Job run(String title, Map<String, ?> arguments, RunConfig config) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("arguments", Values.toJson(arguments == null ? Map.of() : arguments));
    if (config != null && !config.toJson().isEmpty()) {
      body.put("config", config.toJson());
    }
    return new Job(http, JobInfo.fromJson(http.send("POST", "api/v1/programs/run/", body)));
  }

  /** The caller's newest 10 jobs. */
  public List<Job> jobs() {
    return jobs(JobQuery.DEFAULT);
  }

  /** The caller's jobs that {@code query} selects, newest first. */
  public List<Job> jobs(JobQuery query) {
    List<Job> jobs = new ArrayList<>();
    http.get(GatewayHttp.query("api/v1/jobs/", query.parameters()))
        .path("results")
        .forEach(j -> jobs.add(new Job(http, JobInfo.fromJson(j))));
    return jobs;
  }

  /** The caller's job {@code id}; a {@link GatewayException} with status 404 if there is none. */
  public Job job(String id) {
    return new Job(http, JobInfo.fromJson(http.get("api/v1/jobs/" + pathSegment(id) + "/")));
  }

  /** The names of the caller's files, shared by all of the caller's functions. */
  public List<String> files() {
    return files.list();
  }

  /**
   * Uploads {@code file} (tar, gzip, h5, json, zip, txt, csv or bin) to the caller's files; returns
   * the gateway's message.
   */
  public String fileUpload(Path file) {
    try {
      return files.upload(file.getFileName().toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " to upload it", e);
    }
  }

  /** Downloads the caller's file {@code name} into {@code dir}; returns the written path. */
  public Path fileDownload(String name, Path dir) {
    byte[] bytes = files.download(name);
    Path target = dir.resolve(Path.of(name).getFileName().toString());
    try {
      Files.createDirectories(dir);
      return Files.write(target, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the downloaded file to " + target, e);
    }
  }

  /** Deletes the caller's file {@code name}; returns the gateway's message. */
  public String fileDelete(String name) {
    return files.delete(name);
  }

  @Override
  public String toString() {
    return "ServerlessClient[" + host() + "]";
  }

  private static String pathSegment(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
