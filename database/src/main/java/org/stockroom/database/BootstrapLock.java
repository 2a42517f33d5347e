package org.stockroom.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Lets one app server at a time prepare a database at start-up (migrations, demo data, the first
 * administrator): several servers started together on one empty database, as
 * {@code docker compose up --scale appserver=3} does, would otherwise each find it empty and load
 * the demo data or create the first admin twice. A PostgreSQL advisory lock, held by a connection
 * of its own until {@link #close()}: it is released by PostgreSQL itself if the server dies.
 */
public final class BootstrapLock implements AutoCloseable {

    /** The advisory lock's key: any constant no other code uses ("stockroom" in ASCII, folded to 64 bits). */
    static final long KEY = 0x73746f636b726f6fL;

    private final Connection connection;

    private BootstrapLock(Connection connection) {
        this.connection = connection;
    }

    /** Waits until no other server is preparing this database, then holds the lock. */
    public static BootstrapLock acquire(DatabaseCoordinates database) throws SQLException {
        Connection connection = database.connect();
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, KEY);
            lock.execute();
            return new BootstrapLock(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Releases the lock (closing the session releases it too). */
    @Override
    public void close() throws SQLException {
        try (connection; PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            unlock.setLong(1, KEY);
            unlock.execute();
        }
    }
}
