package io.qserverless.gateway.auth;

import com.password4j.Password;
import io.qserverless.gateway.error.ConflictException;
import io.qserverless.gateway.error.InvalidInputException;
import io.qserverless.gateway.error.NotAllowedException;
import io.qserverless.gateway.error.NotFoundException;
import io.qserverless.gateway.error.UnauthenticatedException;
import io.qserverless.gateway.store.Database;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Users, their passwords (Argon2id) and their API tokens (SHA-256, see {@link Tokens}), and the
 * job-scoped tokens handed to job processes.
 *
 * <p>Thread-safe. The database holds all state; known tokens are also cached in memory, which is
 * right only while this gateway is the one revoking them (one gateway per database).
 */
public final class Accounts {
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.@+-]{1,150}");
  private static final int CACHE_MAX = 10_000;
  private final Jdbi jdbi;
  // Token hash -> principal, so a request costs no database read for a token seen before.
  // Entries leave when their job token is revoked; the map is simply cleared when it grows too big.
  private final Map<String, Principal> known = new ConcurrentHashMap<>();

  private volatile String oneUserOnly;

  public Accounts(Database db) {
    this.jdbi = db.jdbi();
  }

  public boolean anyUser() {
    return userCount() > 0;
  }

  public long userCount() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one());
  }

  /**
   * From now on, refuse a second user with 403 and {@code why} (jobs of two users would not be kept
   * apart).
   */
  public void admitOneUserOnly(String why) {
    this.oneUserOnly = why;
  }

  /** Creates a user; 409 when the name is taken. */
  public void createUser(String username, String password, boolean admin) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new InvalidInputException(
          "User name '"
              + username
              + "' is not valid: use 1-150 letters, digits or _.@+- characters.");
    }
    if (password == null || password.length() < 8) {
      throw new InvalidInputException(
          "The password of '" + username + "' is too short: use at least 8 characters.");
    }
    if (oneUserOnly != null && anyUser()) {
      throw new NotAllowedException("This gateway admits one user only: " + oneUserOnly);
    }
    String hash = Password.hash(password).addRandomSalt().withArgon2().getResult();
    try {
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "INSERT INTO users (username, password_hash, admin, created) "
                          + "VALUES (?, ?, ?, ?)")
                  .bind(0, username)
                  .bind(1, hash)
                  .bind(2, admin)
                  .bind(3, OffsetDateTime.now())
                  .execute());
    } catch (UnableToExecuteStatementException e) {
      if (userId(username).isPresent()) {
        throw new ConflictException("User '" + username + "' already exists; pick another name.");
      }
      throw e;
    }
  }

  /** Checks a password and answers a new API token for that user. */
  public String login(String username, String password) {
    record Row(long id, String hash) {}
    Optional<Row> row =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT id, password_hash FROM users WHERE username = ?")
                    .bind(0, username)
                    .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2)))
                    .findOne());
    if (row.isEmpty()
        || password == null
        || !Password.check(password, row.get().hash()).withArgon2()) {
      throw new UnauthenticatedException("Wrong user name or password for '" + username + "'.");
    }
    return newToken(row.get().id(), null);
  }

  /** A new API token for {@code username}, for admins and the CLI working on the database. */
  public String newTokenFor(String username) {
    long id =
        userId(username)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "No user '"
                            + username
                            + "'; create it first (POST /api/v1/users/ or 'qs user add')."));
    return newToken(id, null);
  }

  /** A new token: an API token when {@code jobId} is null, else scoped to that job. */
  public String newToken(long userId, String jobId) {
    return jdbi.withHandle(h -> newToken(h, userId, jobId));
  }

  /**
   * A new token written in the caller's transaction (the job lifecycle mints job tokens with its
   * transition).
   */
  public String newToken(Handle h, long userId, String jobId) {
    return addToken(h, userId, jobId, Tokens.newToken());
  }

  /** A secret of a token's form that is no token yet: {@link #addToken} makes it one. */
  public String newSecret() {
    return Tokens.newToken();
  }

  /**
   * Makes {@code token} (from {@link #newSecret}) a token scoped to the job, in the caller's
   * transaction: for a job process started before its job, its token known to it ahead.
   */
  public String addToken(Handle h, long userId, String jobId, String token) {
    h.createUpdate("INSERT INTO tokens (token_hash, user_id, job_id, created) VALUES (?, ?, ?, ?)")
        .bind(0, Tokens.hash(token))
        .bind(1, userId)
        .bind(2, jobId)
        .bind(3, OffsetDateTime.now())
        .execute();
    return token;
  }

  /**
   * Deletes every token scoped to the job, in the caller's transaction (the job's final
   * transition).
   */
  public void revokeJobTokens(Handle h, String jobId) {
    h.createUpdate("DELETE FROM tokens WHERE job_id = ?").bind(0, jobId).execute();
    known.values().removeIf(p -> jobId.equals(p.jobId()));
  }

  /** The principal behind a bearer token; 401 when it is unknown. */
  public Principal authenticate(String token) {
    if (token == null || token.isBlank()) {
      throw new UnauthenticatedException(
          "No token: send 'Authorization: Bearer <token>' (get one with POST /api/v1/auth/login).");
    }
    String hash = Tokens.hash(token);
    Principal cached = known.get(hash);
    if (cached != null) {
      return cached;
    }
    Principal p =
        jdbi.withHandle(
                h ->
                    h.createQuery(
                            "SELECT u.id, u.username, u.admin, t.job_id "
                                + "FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?")
                        .bind(0, hash)
                        .map(
                            (rs, ctx) ->
                                new Principal(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getBoolean(3),
                                    rs.getString(4)))
                        .findOne())
            .orElseThrow(
                () ->
                    new UnauthenticatedException(
                        "The token is not valid (unknown or revoked); log in again for a new one."));
    if (known.size() >= CACHE_MAX) {
      known.clear();
    }
    known.put(hash, p);
    return p;
  }

  private Optional<Long> userId(String username) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id FROM users WHERE username = ?")
                .bind(0, username)
                .mapTo(Long.class)
                .findOne());
  }
}
