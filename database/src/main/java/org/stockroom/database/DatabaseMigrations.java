package org.stockroom.database;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings a database's schema up to date with the migrations in {@code db/migration}. */
public final class DatabaseMigrations {

    private DatabaseMigrations() {
    }

    /** Applies pending migrations and returns how many ran. */
    public static int migrate(DatabaseCoordinates database) {
        MigrateResult result = Flyway.configure()
                .dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/migration")
                // A schema that changed under Flyway's feet is a bug to see, not to fix silently.
                .validateOnMigrate(true)
                .cleanDisabled(true)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
