package io.qserverless.gateway.program;

import io.qserverless.gateway.auth.Principal;
import io.qserverless.gateway.dependency.DependencyResolver;
import io.qserverless.gateway.dependency.ResolvedDependency;
import io.qserverless.gateway.error.InvalidInputException;
import io.qserverless.gateway.error.NotFoundException;
import io.qserverless.gateway.store.Database;
import io.qserverless.protocol.Json;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import tools.jackson.core.JacksonException;

/**
 * Uploading and looking up functions. Each user sees only their own functions: another user's title
 * answers 404 like a missing one.
 */
public final class Programs {
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,255}");
  private static final Pattern TITLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,254}");
  private static final String COLUMNS =
      "id, user_id, title, entrypoint, artifact, launch, dependencies, "
          + "env_vars, description, version, revision, disabled, created, updated, arguments_schema";
  private final Jdbi jdbi;
  private final ArtifactStore artifacts;
  private final DependencyResolver dependencies;

  /**
   * What an upload carries besides the tar; optional fields may be null. A null {@code
   * argumentsSchema} keeps the function's schema, {@code {}} removes it (as the original does).
   */
  public record Upload(
      String title,
      String entrypoint,
      String dependencies,
      String envVars,
      String description,
      String version,
      String argumentsSchema) {}

  public Programs(Database db, ArtifactStore artifacts, DependencyResolver dependencies) {
    this.jdbi = db.jdbi();
    this.artifacts = artifacts;
    this.dependencies = dependencies;
  }

  /** Creates the caller's function of that title, or makes a new version of it. */
  public Program upload(Principal who, Upload up, InputStream tar) {
    who.requireUserToken();
    checkTitle(up.title());
    String deps = jsonText("dependencies", up.dependencies(), "[]", List.class);
    String env = checkEnvVars(jsonText("env_vars", up.envVars(), "{}", Map.class));
    String schema =
        up.argumentsSchema() == null ? null : ArgumentsSchema.checkAtUpload(up.argumentsSchema());
    if (tar == null) {
      throw new InvalidInputException(
          "The upload has no 'artifact' part; send the tar of the working directory as 'artifact'.");
    }
    List<ResolvedDependency> jars = dependencies.resolve(declared(deps));
    ArtifactStore.Artifact art = artifacts.store(tar, up.entrypoint(), jars);
    String launch = Json.MAPPER.writeValueAsString(art.launch());
    OffsetDateTime now = OffsetDateTime.now();
    String description = up.description() == null ? "" : up.description();
    String version = up.version() == null ? "" : up.version();
    return jdbi.inTransaction(
        h -> {
          Optional<Program> old = find(h.getJdbi(), who.userId(), up.title());
          if (old.isPresent()) {
            h.createUpdate(
                    "UPDATE programs SET entrypoint = ?, artifact = ?, launch = ?, dependencies = ?, env_vars = ?, "
                        + "description = ?, version = ?, revision = revision + 1, updated = ? WHERE id = ?")
                .bind(0, up.entrypoint())
                .bind(1, art.key())
                .bind(2, launch)
                .bind(3, deps)
                .bind(4, env)
                .bind(5, description)
                .bind(6, version)
                .bind(7, now)
                .bind(8, old.get().id())
                .execute();
            if (schema != null) {
              h.createUpdate("UPDATE programs SET arguments_schema = ? WHERE id = ?")
                  .bind(0, ArgumentsSchema.isNone(schema) ? null : schema)
                  .bind(1, old.get().id())
                  .execute();
            }
          } else {
            h.createUpdate(
                    "INSERT INTO programs ("
                        + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, FALSE, ?, ?, ?)")
                .bind(0, UUID.randomUUID().toString())
                .bind(1, who.userId())
                .bind(2, up.title())
                .bind(3, up.entrypoint())
                .bind(4, art.key())
                .bind(5, launch)
                .bind(6, deps)
                .bind(7, env)
                .bind(8, description)
                .bind(9, version)
                .bind(10, now)
                .bind(11, now)
                .bind(12, ArgumentsSchema.isNone(schema) ? null : schema)
                .execute();
          }
          return h.createQuery(
                  "SELECT " + COLUMNS + " FROM programs WHERE user_id = ? AND title = ?")
              .bind(0, who.userId())
              .bind(1, up.title())
              .map(Programs::row)
              .one();
        });
  }

  /**
   * The dependencies this gateway admits (GET /api/v1/dependencies-versions/): allowlist patterns,
   * or "*" for any.
   */
  public List<String> admittedDependencies() {
    return dependencies.admitted();
  }

  public List<Program> list(Principal who) {
    who.requireUserToken();
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM programs WHERE user_id = ? ORDER BY title")
                .bind(0, who.userId())
                .map(Programs::row)
                .list());
  }

  /**
   * The caller's function of that title (job tokens included: their files are per function); 404
   * when there is none.
   */
  public Program get(Principal who, String title) {
    return find(jdbi, who.userId(), title)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "No function titled '"
                        + title
                        + "'; upload it first (GET /api/v1/programs/ lists yours)."));
  }

  /**
   * Disables or enables the caller's function. A disabled function refuses new runs (423) but is
   * kept with its revisions, files and jobs, so its owner can take a broken function out of use
   * without losing it; jobs already queued or running go on.
   */
  public Program setDisabled(Principal who, String title, boolean disabled) {
    who.requireUserToken();
    Program p = get(who, title);
    jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE programs SET disabled = ?, updated = ? WHERE id = ?")
                .bind(0, disabled)
                .bind(1, OffsetDateTime.now())
                .bind(2, p.id())
                .execute());
    return get(who, title);
  }

  /**
   * Checks arguments against the caller's function's schema without running it (400 naming the
   * failure).
   */
  public void validateArguments(Principal who, String title, String arguments) {
    checkTitle(title);
    ArgumentsSchema.validate(get(who, title).argumentsSchema(), arguments);
  }

  private static Optional<Program> find(Jdbi jdbi, long userId, String title) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM programs WHERE user_id = ? AND title = ?")
                .bind(0, userId)
                .bind(1, title)
                .map(Programs::row)
                .findOne());
  }

  static void checkTitle(String title) {
    if (title == null || !TITLE.matcher(title).matches()) {
      throw new InvalidInputException(
          "The title '"
              + title
              + "' is not valid: use 1-255 letters, digits, '_', '.' or '-', starting with a letter or digit.");
    }
  }

  private static String jsonText(String field, String text, String empty, Class<?> shape) {
    if (text == null || text.isBlank()) {
      return empty;
    }
    try {
      Json.MAPPER.readValue(text, shape);
      return text;
    } catch (JacksonException e) {
      throw new InvalidInputException(
          "The field '"
              + field
              + "' must be a JSON "
              + (shape == List.class
                  ? "array, e.g. [\"org.apache.commons:commons-math3:3.6.1\"]"
                  : "object, e.g. {\"KEY\": \"value\"}")
              + "; got: "
              + text);
    }
  }

  /**
   * Each env_vars name must be a shell variable name and each value a string, number or boolean
   * without NUL: no environment can carry a NUL or a name with '=', and the sandbox hands the
   * environment to bwrap as NUL-separated arguments, where a NUL would smuggle in options.
   */
  private static String checkEnvVars(String env) {
    Map<?, ?> vars = Json.MAPPER.readValue(env, Map.class);
    vars.forEach(
        (name, value) -> {
          if (!ENV_NAME.matcher(name.toString()).matches()) {
            throw new InvalidInputException(
                "The env_vars name '"
                    + name.toString().replaceAll("\\p{Cntrl}", "?")
                    + "' is not a variable name: use letters, digits and '_', not starting with a digit.");
          }
          if (!(value instanceof String || value instanceof Number || value instanceof Boolean)
              || value.toString().indexOf('\0') >= 0) {
            throw new InvalidInputException(
                "The env_vars value of '"
                    + name
                    + "' must be a string (or number) without NUL characters, which no environment can carry.");
          }
        });
    return env;
  }

  private static List<String> declared(String deps) {
    List<?> items = Json.MAPPER.readValue(deps, List.class);
    if (!items.stream().allMatch(i -> i instanceof String)) {
      throw new InvalidInputException(
          "The field 'dependencies' must be a JSON array of Maven coordinates (strings), "
              + "e.g. [\"org.apache.commons:commons-math3:3.6.1\"]; got: "
              + deps);
    }
    return items.stream().map(String.class::cast).toList();
  }

  private static Program row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Program(
        rs.getString(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        Json.MAPPER.readValue(rs.getString(6), Launch.class),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getInt(11),
        rs.getBoolean(12),
        rs.getObject(13, OffsetDateTime.class),
        rs.getObject(14, OffsetDateTime.class),
        rs.getString(15));
  }
}
