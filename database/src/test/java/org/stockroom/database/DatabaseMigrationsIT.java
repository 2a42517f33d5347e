package org.stockroom.database;

import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.database.Fixtures.count;

class DatabaseMigrationsIT {

    @Test
    void migratingTwiceRunsNothingTheSecondTime() throws Exception {
        try (EmbeddedDatabase server = EmbeddedDatabase.startTemporary()) {
            DatabaseCoordinates coordinates = server.coordinates();

            int first = DatabaseMigrations.migrate(coordinates);
            int second = DatabaseMigrations.migrate(coordinates);

            assertThat(first).isPositive();
            assertThat(second).isZero();
            try (Connection connection = coordinates.connect()) {
                assertThat(count(connection, "select count(*) from flyway_schema_history where success"))
                        .isEqualTo(first);
                assertThat(count(connection, "select count(*) from flyway_schema_history where not success")).isZero();
                assertThat(count(connection, """
                        select count(*) from information_schema.tables
                         where table_schema = 'public'
                           and table_name in ('product', 'location', 'stock_level', 'stock_movement')""")).isEqualTo(4);
            }
        }
    }
}
