package org.stockroom.database;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One real PostgreSQL 17 per test class, migrated to the current schema. Register it as
 * {@code @RegisterExtension static final MigratedDatabase database = new MigratedDatabase();}.
 */
final class MigratedDatabase implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedDatabase server;
    private DatabaseCoordinates coordinates;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = EmbeddedDatabase.startTemporary();
        coordinates = server.coordinates();
        DatabaseMigrations.migrate(coordinates);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.close();
        }
    }

    DatabaseCoordinates coordinates() {
        return coordinates;
    }

    /**
     * Migrates a database only up to {@code version}, for the tests of a later migration that
     * converts data made by the older schema; {@link DatabaseMigrations#migrate} then does the rest.
     * Versioned migrations only: Flyway applies the repeatable ones ({@code R__}) at any target,
     * and their bodies are the current ones, which may use tables of later versions (V8's
     * {@code stock_ledger_balance}); with a prefix no file has, it finds none.
     */
    static void migrateUpTo(DatabaseCoordinates coordinates, String version) {
        Flyway.configure()
                .dataSource(coordinates.jdbcUrl(), coordinates.user(), coordinates.password())
                .locations("classpath:db/migration")
                .repeatableSqlMigrationPrefix("NOT_AT_A_TARGET")
                .target(version)
                .load()
                .migrate();
    }

    /** A new connection in auto-commit mode; the caller closes it. */
    Connection connect() throws SQLException {
        return coordinates.connect();
    }
}
