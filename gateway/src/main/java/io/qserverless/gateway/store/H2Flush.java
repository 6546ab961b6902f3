package io.qserverless.gateway.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Writes every commit made so far on an H2 database to its file, and returns only once that write
 * is in the file.
 *
 * <p>H2's {@code CHECKPOINT} cannot promise that: it returns at once, writing nothing, when its
 * store changed version while it waited for the store's lock, or has nothing unsaved; and the write
 * that changed the version may be H2's background writer's, which H2 hands to an executor and does
 * not wait for. A {@code kill -9} in that gap lost acknowledged jobs (CrashRecoveryTest on a loaded
 * machine). For a database in this process, this flush instead changes a map of its own in the
 * store and commits the store until its own commit writes (it answers -1 when it did not): a
 * writing commit waits for its write, and H2 writes in order, so every earlier write is in the file
 * too. A database in another process (an {@code jdbc:h2:tcp:} URL) gets {@code CHECKPOINT}.
 */
final class H2Flush implements Runnable {
  private static final String MARKER = "qserverless.flush";
  private final Connection connection;
  private final MVStore store;
  private final MVMap<Integer, Long> marker;
  private long flushes;

  H2Flush(Connection connection) throws SQLException {
    this.connection = connection;
    MVStore local =
        connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal s
            ? s.getDatabase().getStore().getMvStore()
            : null;
    this.store = local;
    this.marker = local == null ? null : local.openMap(MARKER);
  }

  @Override
  public synchronized void run() {
    if (store == null) {
      checkpoint();
      return;
    }
    do {
      marker.put(0, ++flushes);
    } while (store.commit() < 0);
  }

  private void checkpoint() {
    try (Statement s = connection.createStatement()) {
      s.execute("CHECKPOINT");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write the database file (H2 CHECKPOINT)", e);
    }
  }
}
