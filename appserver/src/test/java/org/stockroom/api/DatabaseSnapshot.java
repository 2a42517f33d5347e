package org.stockroom.api;

import org.stockroom.testing.StockroomTestServer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every row of the inventory tables, read straight from PostgreSQL, keyed by what identifies
 * it to a client: product by SKU, location by code, stock level by SKU@code, movement by id,
 * and the users by name (no write endpoint under test may change them).
 */
record DatabaseSnapshot(Map<String, String> products, Map<String, String> locations, Map<String, String> levels,
                        Map<String, String> movements, Map<String, String> users) {

    /** What the accepted (2xx) requests were allowed to write. */
    static final class AcceptedWrites {
        final Set<String> createdProducts = new HashSet<>();
        final Set<String> changedProducts = new HashSet<>();
        final Set<String> createdLocations = new HashSet<>();
        final Set<String> movements = new HashSet<>();
        final Set<String> levels = new HashSet<>();
    }

    static DatabaseSnapshot take() {
        try (Connection connection = StockroomTestServer.database().connect();
             Statement statement = connection.createStatement()) {
            return new DatabaseSnapshot(
                    // Without on_hand: an accepted movement changes it through its level (V7's trigger
                    // keeps it the sum of the levels), and the levels are compared below.
                    rows(statement, "select sku, (to_jsonb(p) - 'on_hand')::text from product p"),
                    rows(statement, "select code, l::text from location l"),
                    rows(statement, """
                            select p.sku || '@' || l.code, s::text from stock_level s
                              join product p on p.id = s.product_id join location l on l.id = s.location_id"""),
                    rows(statement, "select id::text, m::text from stock_movement m"),
                    rows(statement, "select username, u::text from app_user u"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row that differs from {@code before} without an accepted request to explain it; empty when none. */
    List<String> unexplainedChangesSince(DatabaseSnapshot before, AcceptedWrites accepted) {
        List<String> problems = new ArrayList<>();
        Set<String> products = new HashSet<>(accepted.createdProducts);
        products.addAll(accepted.changedProducts);
        compare("product", before.products, this.products, products, accepted.createdProducts, problems);
        compare("location", before.locations, locations, accepted.createdLocations, accepted.createdLocations, problems);
        compare("stock_level", before.levels, levels, accepted.levels, Set.of(), problems);
        compare("stock_movement", before.movements, movements, accepted.movements, accepted.movements, problems);
        compare("app_user", before.users, users, Set.of(), Set.of(), problems);
        return problems;
    }

    /**
     * Rows may differ only where {@code mayChange} allows, and each key in {@code mustBeNew}
     * must be a row that did not exist before and does now.
     */
    private static void compare(String table, Map<String, String> before, Map<String, String> after,
                                Set<String> mayChange, Set<String> mustBeNew, List<String> problems) {
        Set<String> keys = new HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            if (!Objects.equals(before.get(key), after.get(key)) && !mayChange.contains(key)) {
                problems.add(table + " " + key + " changed though no accepted request wrote it: "
                        + before.get(key) + " -> " + after.get(key));
            }
        }
        for (String key : mustBeNew) {
            if (before.containsKey(key) || !after.containsKey(key)) {
                problems.add(table + " " + key + " was answered as created but is not a new row");
            }
        }
    }

    private static Map<String, String> rows(Statement statement, String sql) throws SQLException {
        Map<String, String> rows = new HashMap<>();
        try (ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.put(result.getString(1), result.getString(2));
            }
        }
        return rows;
    }
}
