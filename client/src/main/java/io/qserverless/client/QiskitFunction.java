package io.qserverless.client;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A function (a program): its title, the entrypoint inside its working directory, dependencies,
 * environment variables and description. Immutable; the {@code with...} methods give copies.
 *
 * <pre>{@code
 * QiskitFunction fn = client.upload(QiskitFunction.of("parallel-workflow", "ParallelWorkflow.java", dir));
 * Job job = fn.run(Map.of("circuits", circuits));
 * }</pre>
 *
 * <p>A function from {@link ServerlessClient#upload}, {@link ServerlessClient#function} or {@link
 * ServerlessClient#functions} knows its gateway and can {@link #run}; one built with {@link #of}
 * cannot until it is uploaded.
 */
public final class QiskitFunction {
  private final String title;
  private final String entrypoint;
  private final Path workingDir;
  private final List<String> dependencies;
  private final Map<String, String> envVars;
  private final String description;
  private final String id;
  private final String version;
  private final ServerlessClient client;

  private QiskitFunction(
      String title,
      String entrypoint,
      Path workingDir,
      List<String> dependencies,
      Map<String, String> envVars,
      String description,
      String id,
      String version,
      ServerlessClient client) {
    this.title = title;
    this.entrypoint = entrypoint;
    this.workingDir = workingDir;
    this.dependencies = List.copyOf(dependencies);
    this.envVars = Map.copyOf(envVars);
    this.description = description;
    this.id = id;
    this.version = version;
    this.client = client;
  }

  /** A function to upload: {@code entrypoint} is a path inside {@code workingDir}. */
  public static QiskitFunction of(String title, String entrypoint, Path workingDir) {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("a function needs a title, e.g. \"parallel-workflow\"");
    }
    if (entrypoint == null || entrypoint.isBlank()) {
      throw new IllegalArgumentException(
          "function '" + title + "' needs an entrypoint, e.g. \"ParallelWorkflow.java\"");
    }
    return new QiskitFunction(
        title, entrypoint, workingDir, List.of(), Map.of(), "", null, null, null);
  }

  public QiskitFunction withDescription(String text) {
    return new QiskitFunction(
        title, entrypoint, workingDir, dependencies, envVars, text, id, version, client);
  }

  /**
   * Maven coordinates of the libraries a Java program needs, {@code group:artifact:version} (or
   * {@code group:artifact:extension[:classifier]:version}), e.g. {@code
   * "org.apache.commons:commons-math3:3.6.1"}. The gateway resolves them with their transitive
   * runtime dependencies at upload, compiles the program against them and puts exactly those jars
   * on its jobs' classpath; it refuses coordinates its policy does not admit ({@link
   * ServerlessClient#dependenciesVersions}).
   */
  public QiskitFunction withDependencies(List<String> list) {
    return new QiskitFunction(
        title, entrypoint, workingDir, list, envVars, description, id, version, client);
  }

  /** Environment variables the job process gets. */
  public QiskitFunction withEnvVars(Map<String, String> vars) {
    return new QiskitFunction(
        title, entrypoint, workingDir, dependencies, vars, description, id, version, client);
  }

  public String title() {
    return title;
  }

  public String entrypoint() {
    return entrypoint;
  }

  /**
   * The directory uploaded as the function's artifact; null for a function read from the gateway.
   */
  public Path workingDir() {
    return workingDir;
  }

  public List<String> dependencies() {
    return dependencies;
  }

  public Map<String, String> envVars() {
    return envVars;
  }

  public String description() {
    return description;
  }

  /** The gateway's id of the function, or null before upload. */
  public String id() {
    return id;
  }

  /** The version the gateway stored, or null before upload. */
  public String version() {
    return version;
  }

  /** Runs the uploaded function with {@code arguments} (a JSON-able value, usually a Map). */
  public Job run(Map<String, ?> arguments) {
    return run(arguments, null);
  }

  /** Runs the uploaded function with {@code arguments} and {@code config} (null for defaults). */
  public Job run(Map<String, ?> arguments, RunConfig config) {
    if (client == null) {
      throw new IllegalStateException(
          "function '"
              + title
              + "' is not uploaded yet: call client.upload(function) "
              + "and run the function it returns");
    }
    return client.run(title, arguments, config);
  }

  /** The function the gateway describes in {@code json}, bound to {@code client}. */
  static QiskitFunction fromJson(JsonNode json, ServerlessClient client, Path workingDir) {
    List<String> deps = new ArrayList<>();
    JsonNode depsNode = json.path("dependencies");
    JsonNode depsList = depsNode.isString() ? parse(depsNode.asString()) : depsNode;
    if (depsList != null && depsList.isArray()) {
      depsList.forEach(d -> deps.add(d.asString()));
    }
    Map<String, String> env = new LinkedHashMap<>();
    JsonNode envNode = json.path("env_vars");
    JsonNode envMap = envNode.isString() ? parse(envNode.asString()) : envNode;
    if (envMap != null && envMap.isObject()) {
      envMap.properties().forEach(e -> env.put(e.getKey(), e.getValue().asString()));
    }
    return new QiskitFunction(
        json.path("title").asString(),
        json.path("entrypoint").asString(),
        workingDir,
        deps,
        env,
        json.path("description").asString(""),
        json.path("id").asString(null),
        blankToNull(json.path("version").asString(null)),
        client);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static JsonNode parse(String text) {
    try {
      return text.isBlank() ? null : io.qserverless.protocol.Json.MAPPER.readTree(text);
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "QiskitFunction["
        + title
        + (version == null ? "" : " v" + version)
        + ", entrypoint="
        + entrypoint
        + "]";
  }
}
