package io.osprey.hss.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;
import org.sqlite.SQLiteConnection;

/**
 * Keeps prepared statements per SQLite connection across JDBI handles. The xerial driver compiles every
 * {@code prepareStatement} anew (sqlite3_prepare), which was about a fifth of the CPU of a Cx MAR+SAR pair, and
 * neither HikariCP nor JDBI caches statements; the PostgreSQL driver caches server-side statements itself, so
 * this is for SQLite only.
 *
 * <p>Statements are prepared on the pooled physical connection (unwrapped from the HikariCP proxy, which would
 * close them when the connection goes back to the pool) and keyed by SQL text. A statement is taken out of the
 * cache while in use, so a nested use of the same SQL gets its own; closing a result set resets the SQLite
 * statement, so a cached one holds no read snapshot. At most {@value #MAX_PER_CONNECTION} per connection (SQL
 * built for IN lists varies with the list size), least recently used dropped first. A connection the pool closes
 * finalises its statements; its entry is dropped when the pool opens another connection.
 */
final class SqliteStatementCache implements StatementBuilderFactory {

    static final int MAX_PER_CONNECTION = 64;

    /** Guarded by itself. */
    private final Map<Connection, ConnectionCache> byConnection = new HashMap<>();

    @Override
    public StatementBuilder createStatementBuilder(Connection connection) {
        return new Builder();
    }

    /**
     * One physical connection's idle statements by SQL, and the SQL each statement in use was prepared from (JDBI
     * passes {@code close} a different text, the SQL before parsing).
     */
    private static final class ConnectionCache {
        final LinkedHashMap<String, PreparedStatement> idle = new LinkedHashMap<>(16, 0.75f, true);
        final IdentityHashMap<PreparedStatement, String> busy = new IdentityHashMap<>();
    }

    private ConnectionCache knownCache(Connection physical) {
        synchronized (byConnection) {
            return byConnection.get(physical);
        }
    }

    /** The cache of {@code physical}; a new connection first drops the entries of those the pool has closed. */
    private ConnectionCache cacheOf(Connection physical) {
        synchronized (byConnection) {
            ConnectionCache cache = byConnection.get(physical);
            if (cache == null) {
                byConnection.keySet().removeIf(SqliteStatementCache::isClosed);
                cache = new ConnectionCache();
                byConnection.put(physical, cache);
            }
            return cache;
        }
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private final class Builder extends DefaultStatementBuilder {

        @Override
        public PreparedStatement create(Connection connection, String sql, StatementContext context)
                throws SQLException {
            if (context.isReturningGeneratedKeys() || context.isConcurrentUpdatable()
                    || !connection.isWrapperFor(SQLiteConnection.class)) {
                return super.create(connection, sql, context);
            }
            Connection physical = connection.unwrap(SQLiteConnection.class);
            ConnectionCache cache = cacheOf(physical);
            PreparedStatement statement;
            synchronized (cache) {
                statement = cache.idle.remove(sql);
            }
            if (statement == null || statement.isClosed()) {
                statement = physical.prepareStatement(sql);
            }
            synchronized (cache) {
                cache.busy.put(statement, sql);
            }
            return statement;
        }

        @Override
        public void close(Connection connection, String sql, Statement statement) throws SQLException {
            ConnectionCache cache = statement instanceof PreparedStatement
                    && statement.getConnection() instanceof SQLiteConnection physical
                    ? knownCache(physical) : null;
            String key;
            if (cache == null) {
                super.close(connection, sql, statement);
                return;
            }
            synchronized (cache) {
                key = cache.busy.remove(statement);
            }
            PreparedStatement prepared = (PreparedStatement) statement;
            if (key == null || prepared.isClosed()) {
                super.close(connection, sql, statement);
                return;
            }
            prepared.clearParameters();
            prepared.clearBatch();
            PreparedStatement displaced;
            PreparedStatement evicted = null;
            synchronized (cache) {
                displaced = cache.idle.put(key, prepared);
                if (cache.idle.size() > MAX_PER_CONNECTION) {
                    var eldest = cache.idle.entrySet().iterator();
                    evicted = eldest.next().getValue();
                    eldest.remove();
                }
            }
            if (displaced != null) {
                displaced.close();
            }
            if (evicted != null) {
                evicted.close();
            }
        }
    }
}
