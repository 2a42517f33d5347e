package org.stockroom.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.database.Fixtures.count;
import static org.stockroom.database.Fixtures.execute;

/** With a data directory, what was committed is still there after a restart. */
class PersistentEmbeddedDatabaseIT {

    @TempDir
    Path dataDirectory;

    @Test
    void aCommittedRowSurvivesARestart() throws Exception {
        String code = Fixtures.uniqueCode("KEEP");
        try (EmbeddedDatabase first = EmbeddedDatabase.startPersistent(dataDirectory, 0)) {
            assertThat(DatabaseMigrations.migrate(first.coordinates())).isPositive();
            try (Connection connection = first.coordinates().connect()) {
                execute(connection, "insert into location (code, name) values (?, 'Survives restarts')", code);
            }
        }

        try (EmbeddedDatabase second = EmbeddedDatabase.startPersistent(dataDirectory, 0)) {
            assertThat(DatabaseMigrations.migrate(second.coordinates())).isZero();
            try (Connection connection = second.coordinates().connect()) {
                assertThat(count(connection, "select count(*) from location where code = '" + code + "'"))
                        .isEqualTo(1);
            }
        }
    }
}
