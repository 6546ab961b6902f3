package io.qserverless.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/**
 * The gateway's database: a pooled connection to H2 (embedded default) or PostgreSQL, migrated by
 * Flyway at open, used through JDBI.
 *
 * <p>The same SQL runs on both: H2 runs in PostgreSQL mode. Durability: when a JDBI handle that
 * wrote is closed (after its commit), the write is in the database's file, so an answer sent after
 * it survives {@code kill -9} of the gateway. PostgreSQL gives that with every commit; for H2,
 * whose commits return while only in memory (the cause of acknowledged jobs lost after {@code kill
 * -9}), the closing thread waits for a shared write ({@link GroupCommit}). Thread-safe; close once
 * at shutdown.
 */
public final class Database implements AutoCloseable {
  private static final Pattern WRITE = Pattern.compile("(?i)\\s*(INSERT|UPDATE|DELETE|MERGE)\\b");
  private final HikariDataSource pool;
  private final Connection flusher;
  private final Jdbi jdbi;

  private Database(HikariDataSource pool, Connection flusher) {
    this.pool = pool;
    this.flusher = flusher;
    this.jdbi = Jdbi.create(pool);
    if (flusher != null) {
      DurableHandles durable = new DurableHandles(new GroupCommit(this::flush));
      jdbi.getConfig(SqlStatements.class).addCustomizer(durable);
      jdbi.getConfig(Handles.class).addListener(durable);
    }
  }

  /**
   * Opens (and migrates) the database at {@code url}; a null url means the H2 file under {@code
   * dir}.
   */
  public static Database open(String url, String user, String password, Path dir) {
    String jdbcUrl = url != null ? h2Settings(url) : embeddedUrl(dir);
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(jdbcUrl);
    hc.setUsername(user);
    hc.setPassword(password);
    hc.setMaximumPoolSize(16);
    hc.setPoolName("gateway-db");
    // Readiness must answer while the database is down, not wait the default 30 s for a connection.
    hc.setConnectionTimeout(3_000);
    HikariDataSource pool = new HikariDataSource(hc);
    Connection flusher = null;
    try {
      Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
      if (jdbcUrl.startsWith("jdbc:h2:")) {
        // Its own connection: a flush must never wait for a pool that its waiters hold.
        flusher = DriverManager.getConnection(jdbcUrl, user, password);
        checkpoint(flusher);
      }
    } catch (RuntimeException | SQLException e) {
      pool.close();
      throw e instanceof RuntimeException r
          ? r
          : new IllegalStateException("cannot open the database at " + jdbcUrl, e);
    }
    return new Database(pool, flusher);
  }

  /**
   * The embedded H2 file database under {@code dir}, in PostgreSQL mode, each commit written before
   * it returns ({@code WRITE_DELAY=0}, see {@link GroupCommit}) and appended, never written into an
   * older chunk's space ({@code REUSE_SPACE=FALSE}: with reuse, CrashRecoveryTest still lost
   * acknowledged jobs after kill -9).
   */
  public static String embeddedUrl(Path dir) {
    return h2Settings(
        "jdbc:h2:file:"
            + dir.resolve("gateway").toAbsolutePath()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;REUSE_SPACE=FALSE");
  }

  /**
   * An H2 URL with 10 s for a row lock instead of 1 s: one user's concurrent runs queue on the row
   * that counts their active jobs, and a wait must not fail a run on a busy gateway.
   */
  static String h2Settings(String url) {
    boolean set = url.toUpperCase(Locale.ROOT).contains(";LOCK_TIMEOUT=");
    return !url.startsWith("jdbc:h2:") || set ? url : url + ";LOCK_TIMEOUT=10000";
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /**
   * Runs {@code work} without waiting, as its handles close, for its writes to reach the file: for
   * a write whose loss with the process is recovered, and which a later durable write (H2's write
   * covers every commit made before it) makes durable in passing. PostgreSQL's commits are durable
   * anyway.
   */
  public static <T> T notWaitingForDisk(Supplier<T> work) {
    int[] open = DurableHandles.OPEN.get();
    int before = open[2];
    open[2] = 1;
    try {
      return work.get();
    } finally {
      open[2] = before;
    }
  }

  /** True when a connection answers a trivial query (readiness). */
  public boolean reachable() {
    try {
      return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    pool.close();
    if (flusher != null) {
      try {
        flusher.close();
      } catch (SQLException e) {
        // closing at shutdown: nothing left to save it for
      }
    }
  }

  private void flush() {
    try {
      checkpoint(flusher);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write the database file (H2 CHECKPOINT)", e);
    }
  }

  /** H2's CHECKPOINT writes every commit made so far to the file (an MVStore store; no fsync). */
  private static void checkpoint(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CHECKPOINT");
    }
  }

  /**
   * Marks the thread whose statement wrote, and makes the close of its outermost handle wait for
   * the group write. Per thread, because a handle is opened, used and closed by one thread, and
   * nested handles (a lookup inside a transaction) must not release the outer one's wait.
   */
  private static final class DurableHandles implements StatementCustomizer, HandleListener {
    private static final ThreadLocal<int[]> OPEN =
        ThreadLocal.withInitial(() -> new int[3]); // depth, wrote, not waiting
    private final GroupCommit group;

    DurableHandles(GroupCommit group) {
      this.group = group;
    }

    @Override
    public void afterExecution(PreparedStatement stmt, StatementContext ctx) {
      if (WRITE.matcher(ctx.getRawSql()).lookingAt()) {
        OPEN.get()[1] = 1;
      }
    }

    @Override
    public void handleCreated(Handle handle) {
      OPEN.get()[0]++;
    }

    @Override
    public void handleClosed(Handle handle) {
      int[] open = OPEN.get();
      open[0] = Math.max(0, open[0] - 1);
      if (open[0] == 0 && open[1] == 1) {
        open[1] = 0;
        if (open[2] == 0) {
          group.await();
        }
      }
    }
  }
}
