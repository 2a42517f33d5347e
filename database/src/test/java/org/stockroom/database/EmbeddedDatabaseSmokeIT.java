package org.stockroom.database;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseSmokeIT {

    @Test
    void migratesAndLoadsDemoData() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.startTemporary()) {
            DatabaseCoordinates coordinates = database.coordinates();
            assertThat(DatabaseMigrations.migrate(coordinates)).isGreaterThanOrEqualTo(1);
            assertThat(DemoData.loadIfEmpty(coordinates)).isTrue();
            assertThat(DemoData.loadIfEmpty(coordinates)).isFalse();
            try (Connection connection = coordinates.connect();
                 ResultSet rs = connection.createStatement().executeQuery("select count(*) from product")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(18);
            }
        }
    }
}
