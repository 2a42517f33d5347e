package org.stockroom.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * A real PostgreSQL 17 server run as a child process from the binaries that Maven brings,
 * so that a fresh machine needs nothing installed to run or test Stockroom.
 *
 * <p>With a data directory the database survives restarts; without one it lives in a
 * temporary directory that is removed on {@link #close()}.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The database Stockroom's schema lives in, the same name docker-compose uses. */
    public static final String DATABASE_NAME = "stockroom";
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL keeping its data in {@code dataDirectory}, listening on 127.0.0.1 only. */
    public static EmbeddedDatabase startPersistent(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // Kept data is real stock: a commit must be on disk before it is acknowledged.
                .setServerConfig("synchronous_commit", "on");
        return start(builder, port);
    }

    /**
     * Starts a throw-away PostgreSQL whose data is deleted on close; for tests. It keeps the
     * library's {@code synchronous_commit=off}: nothing here needs to survive a crash.
     */
    public static EmbeddedDatabase startTemporary() throws IOException {
        return start(EmbeddedPostgres.builder(), 0);
    }

    private static EmbeddedDatabase start(EmbeddedPostgres.Builder builder, int port) throws IOException {
        builder.setPgBinaryResolver(EmbeddedDatabase::firstBinaryOnClasspath)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(Duration.ofSeconds(60))
                // Small and quick: these servers are for one developer or one test run.
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("fsync", "on")
                .setServerConfig("log_min_messages", "warning");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedDatabase database = new EmbeddedDatabase(builder.start());
        try {
            database.createStockroomDatabaseIfMissing();
        } catch (IOException | RuntimeException e) {
            // Don't leave a PostgreSQL process running that nobody holds a handle to.
            try {
                database.close();
            } catch (IOException stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw e;
        }
        return database;
    }

    /**
     * The PostgreSQL binaries for this platform, from the first jar on the classpath that has
     * them. The library's own resolver refuses to choose when the same binaries jar is on the
     * classpath twice, as happens when a test puts the app server's jar (whose manifest lists
     * its libraries) beside the libraries themselves.
     */
    private static InputStream firstBinaryOnClasspath(String system, String architecture) throws IOException {
        String name = "/postgres-" + system.toLowerCase(Locale.ROOT) + "-" + architecture.toLowerCase(Locale.ROOT) + ".txz";
        InputStream binaries = EmbeddedDatabase.class.getResourceAsStream(name);
        return binaries != null ? binaries : DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture);
    }

    private void createStockroomDatabaseIfMissing() throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + DATABASE_NAME + "'");
            if (!exists.next()) {
                statement.execute("create database " + DATABASE_NAME);
            }
        } catch (SQLException e) {
            throw new IOException("could not create the " + DATABASE_NAME + " database", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public DatabaseCoordinates coordinates() {
        return new DatabaseCoordinates(
                "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE_NAME, SUPERUSER, "");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
