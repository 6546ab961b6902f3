package io.qserverless.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The gateway's database: a pooled connection to H2 (embedded default) or PostgreSQL, migrated by
 * Flyway at open, used through JDBI.
 *
 * <p>The same SQL runs on both: H2 runs in PostgreSQL mode. Thread-safe; close once at shutdown.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource pool;
  private final Jdbi jdbi;

  private Database(HikariDataSource pool) {
    this.pool = pool;
    this.jdbi = Jdbi.create(pool);
  }

  /** Opens (and migrates) the database at {@code url}; a null url means the H2 file under {@code dir}. */
  public static Database open(String url, String user, String password, Path dir) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(url != null ? url : embeddedUrl(dir));
    hc.setUsername(user);
    hc.setPassword(password);
    hc.setMaximumPoolSize(16);
    hc.setPoolName("gateway-db");
    // Readiness must answer while the database is down, not wait the default 30 s for a connection.
    hc.setConnectionTimeout(3_000);
    HikariDataSource pool = new HikariDataSource(hc);
    try {
      Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new Database(pool);
  }

  /** The embedded H2 file database under {@code dir}, in PostgreSQL mode. */
  public static String embeddedUrl(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("gateway").toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
  }

  public Jdbi jdbi() {
    return jdbi;
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
  }
}
