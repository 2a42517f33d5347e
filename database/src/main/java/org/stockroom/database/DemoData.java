package org.stockroom.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A small, believable stockroom (products, locations and a ledger of past movements)
 * so that a first run has something to look at. Loaded only into an empty database.
 */
public final class DemoData {

    private static final String SCRIPT = "/db/demo/demo-data.sql";

    private DemoData() {
    }

    /** Loads the demo data if the database has no products and no locations yet; says whether it did. */
    public static boolean loadIfEmpty(DatabaseCoordinates database) throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // Serialise concurrent first starts: only one of them loads.
                statement.execute("lock table product, location in share row exclusive mode");
                var result = statement.executeQuery(
                        "select exists (select 1 from product) or exists (select 1 from location)");
                result.next();
                if (result.getBoolean(1)) {
                    connection.rollback();
                    return false;
                }
                statement.execute(readScript());
                connection.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static String readScript() {
        try (InputStream in = DemoData.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
