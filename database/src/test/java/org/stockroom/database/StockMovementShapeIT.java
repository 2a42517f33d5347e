package org.stockroom.database;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.database.Fixtures.changeOnHand;
import static org.stockroom.database.Fixtures.inTransaction;
import static org.stockroom.database.Fixtures.onHand;
import static org.stockroom.database.Fixtures.recordMovement;
import static org.stockroom.database.Refusals.CHECK_VIOLATION;
import static org.stockroom.database.Refusals.assertRefused;

/** Each movement type has one shape: which locations it names, its quantity's sign, and a reason for ADJUST. */
class StockMovementShapeIT {

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    private static long product;
    private static long locationA;
    private static long locationB;

    @BeforeAll
    static void stockOneProductAtTwoLocations() throws Exception {
        try (Connection connection = database.connect()) {
            product = Fixtures.newProduct(connection);
            locationA = Fixtures.newLocation(connection);
            locationB = Fixtures.newLocation(connection);
            inTransaction(connection, () -> {
                Fixtures.receive(connection, product, locationA, 100);
                Fixtures.receive(connection, product, locationB, 100);
            });
        }
    }

    @ParameterizedTest(name = "{0} from {1} to {2} quantity {3} reason [{4}]")
    @CsvSource(nullValues = "-", value = {
            // RECEIVE: into one location, from nowhere, a positive quantity
            "RECEIVE,  -, -,  5, -",
            "RECEIVE,  A, -,  5, -",
            "RECEIVE,  A, B,  5, -",
            "RECEIVE,  -, A,  0, -",
            "RECEIVE,  -, A, -5, -",
            // ISSUE: out of one location, to nowhere, a positive quantity
            "ISSUE,    -, -,  5, -",
            "ISSUE,    -, A,  5, -",
            "ISSUE,    A, B,  5, -",
            "ISSUE,    A, -,  0, -",
            "ISSUE,    A, -, -5, -",
            // TRANSFER: between two different locations, a positive quantity
            "TRANSFER, A, -,  5, -",
            "TRANSFER, -, B,  5, -",
            "TRANSFER, -, -,  5, -",
            "TRANSFER, A, A,  5, -",
            "TRANSFER, A, B,  0, -",
            "TRANSFER, A, B, -5, -",
            // ADJUST: a signed, non-zero correction at exactly one location, with a reason
            "ADJUST,   -, A,  0, Cycle count",
            "ADJUST,   A, B,  5, Cycle count",
            "ADJUST,   -, -,  5, Cycle count",
            "ADJUST,   -, A,  5, -",
            "ADJUST,   -, A,  5, ''",
            "ADJUST,   A, -, -5, '   '",
            // unknown movement types, including the right word in the wrong case
            "MOVE,     A, B,  5, -",
            "receive,  -, A,  5, -",
    })
    void aMovementOfTheWrongShapeIsRefused(String type, String from, String to, int quantity, String reason)
            throws Exception {
        try (Connection connection = database.connect()) {
            long ledgerBefore = Fixtures.count(connection, "select count(*) from stock_movement");

            assertRefused(CHECK_VIOLATION, () -> recordMovement(connection, type, product,
                    location(from), location(to), quantity, reason));

            assertThat(Fixtures.count(connection, "select count(*) from stock_movement")).isEqualTo(ledgerBefore);
        }
    }

    @ParameterizedTest(name = "{0} from {1} to {2} quantity {3} reason [{4}]")
    @CsvSource(nullValues = "-", value = {
            "RECEIVE,  -, A,  5, -",
            "ISSUE,    A, -,  5, -",
            "TRANSFER, A, B,  5, -",
            "ADJUST,   -, A,  5, Found behind the shelf",
            "ADJUST,   -, A, -5, Damaged",
            "ADJUST,   A, -,  5, Found behind the shelf",
            "ADJUST,   A, -, -5, Damaged",
    })
    void aMovementOfTheRightShapeIsRecordedWithItsStockLevels(String type, String from, String to, int quantity,
                                                              String reason) throws Exception {
        try (Connection connection = database.connect()) {
            Long fromLocation = location(from);
            Long toLocation = location(to);
            long fromBefore = fromLocation == null ? 0 : onHand(connection, product, fromLocation);
            long toBefore = toLocation == null ? 0 : onHand(connection, product, toLocation);
            // An ADJUST changes its one location by its signed quantity; the others move stock out and in.
            long fromDelta = "ADJUST".equals(type) ? quantity : -quantity;

            inTransaction(connection, () -> {
                recordMovement(connection, type, product, fromLocation, toLocation, quantity, reason);
                if (fromLocation != null) {
                    changeOnHand(connection, product, fromLocation, fromDelta);
                }
                if (toLocation != null) {
                    changeOnHand(connection, product, toLocation, quantity);
                }
            });

            if (fromLocation != null) {
                assertThat(onHand(connection, product, fromLocation)).isEqualTo(fromBefore + fromDelta);
            }
            if (toLocation != null) {
                assertThat(onHand(connection, product, toLocation)).isEqualTo(toBefore + quantity);
            }
        }
    }

    @Test
    void aMovementNamesAProductAndLocationsThatExist() throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused("23503", () -> recordMovement(connection, "RECEIVE", Long.MAX_VALUE, null, locationA, 1, null));
            assertRefused("23503", () -> recordMovement(connection, "RECEIVE", product, null, Long.MAX_VALUE, 1, null));
        }
    }

    private static Long location(String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "A" -> locationA;
            case "B" -> locationB;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
