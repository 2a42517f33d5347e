package org.stockroom.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.database.Fixtures.count;
import static org.stockroom.database.Fixtures.execute;
import static org.stockroom.database.Fixtures.inTransaction;
import static org.stockroom.database.Refusals.CHECK_VIOLATION;
import static org.stockroom.database.Refusals.INTEGRITY_CONSTRAINT_VIOLATION;
import static org.stockroom.database.Refusals.UNIQUE_VIOLATION;
import static org.stockroom.database.Refusals.assertRefused;

/**
 * Purchase orders and receipts (V15) against the SQL a buggy client or script could send: the
 * database refuses over-receipt, received quantities that are not what the receipts brought,
 * edits of the append-only receipts, and deliveries into closed orders, whoever writes them.
 */
class PurchaseOrderConstraintsIT {

    private static final String FOREIGN_KEY_VIOLATION = "23503";

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    @Test
    void aDeliveryWrittenAsTheServerWritesItIsKeptAndCompletesTheOrder() throws Exception {
        try (Connection connection = database.connect()) {
            long bolt = Fixtures.newProduct(connection);
            long nut = Fixtures.newProduct(connection);
            long dock = Fixtures.newLocation(connection);
            Order order = newOrder(connection, false, bolt, 10, nut, 5);

            inTransaction(connection, () -> deliver(connection, order, dock, 0, 4));
            assertThat(status(connection, order)).isEqualTo("OPEN");
            assertThat(received(connection, order.lines[0])).isEqualByComparingTo("4");

            inTransaction(connection, () -> {
                long receipt = receipt(connection, order, dock);
                receiveLine(connection, order, receipt, dock, 0, 6);
                receiveLine(connection, order, receipt, dock, 1, 5);
                execute(connection, "update purchase_order set status = 'RECEIVED', version = version + 1 where id = ?",
                        order.id);
            });

            assertThat(status(connection, order)).isEqualTo("RECEIVED");
            assertThat(Fixtures.onHand(connection, bolt, dock)).isEqualTo(10);
            assertThat(Fixtures.onHand(connection, nut, dock)).isEqualTo(5);
        }
    }

    @Test
    void overReceiptIsRefusedUnlessTheOrderAllowsIt() throws Exception {
        try (Connection connection = database.connect()) {
            long bolt = Fixtures.newProduct(connection);
            long dock = Fixtures.newLocation(connection);
            Order strict = newOrder(connection, false, bolt, 10);
            Order lenient = newOrder(connection, true, bolt, 10);

            assertRefused(CHECK_VIOLATION, "purchase_order_line_no_over_receipt",
                    () -> inTransaction(connection, () -> deliver(connection, strict, dock, 0, 11)));
            assertThat(received(connection, strict.lines[0])).isZero();

            inTransaction(connection, () -> {
                deliver(connection, lenient, dock, 0, 12);
                execute(connection, "update purchase_order set status = 'RECEIVED' where id = ?", lenient.id);
            });
            assertThat(received(connection, lenient.lines[0])).isEqualByComparingTo("12");
        }
    }

    @Test
    void theOrdersSwitchReachesItsLinesAndCannotBeTurnedOffUnderAnOverReceivedLine() throws Exception {
        try (Connection connection = database.connect()) {
            long bolt = Fixtures.newProduct(connection);
            long nut = Fixtures.newProduct(connection);
            long dock = Fixtures.newLocation(connection);
            Order order = newOrder(connection, true, bolt, 10, nut, 10);
            inTransaction(connection, () -> deliver(connection, order, dock, 0, 12));

            assertRefused(CHECK_VIOLATION, "purchase_order_line_no_over_receipt", () -> execute(connection,
                    "update purchase_order set allow_over_receipt = false where id = ?", order.id));
            assertRefused(FOREIGN_KEY_VIOLATION, "purchase_order_line_order_fk", () -> execute(connection,
                    "update purchase_order_line set allow_over_receipt = false where id = ?", order.lines[1]));
        }
    }

    @Test
    void receivedIsNeverNegativeAndAlwaysWhatTheReceiptsBrought() throws Exception {
        try (Connection connection = database.connect()) {
            long bolt = Fixtures.newProduct(connection);
            long dock = Fixtures.newLocation(connection);
            Order order = newOrder(connection, false, bolt, 10);

            assertRefused(CHECK_VIOLATION, "purchase_order_line_received_not_negative", () -> execute(connection,
                    "update purchase_order_line set quantity_received = -1 where id = ?", order.lines[0]));
            // A received quantity without the receipt that brought it fails at commit.
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                    "update purchase_order_line set quantity_received = 3 where id = ?", order.lines[0]));
            // A receipt line the order line does not count fails too.
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> {
                long receipt = receipt(connection, order, dock);
                long movement = receiveMovement(connection, bolt, dock, 3, order.number);
                Fixtures.changeOnHand(connection, bolt, dock, 3);
                insertReceiptLine(connection, receipt, order.lines[0], movement, 3);
            }));

            assertThat(received(connection, order.lines[0])).isZero();
            assertThat(count(connection, "select count(*) from purchase_receipt where purchase_order_id = " + order.id))
                    .isZero();
        }
    }

    @Test
    void receiptsAndTheirLinesAreAppendOnly() throws Exception {
        try (Connection connection = database.connect()) {
            long bolt = Fixtures.newProduct(connection);
            long dock = Fixtures.newLocation(connection);
            Order order = newOrder(connection, false, bolt, 10);
            inTransaction(connection, () -> deliver(connection, order, dock, 0, 4));

            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                    "update purchase_receipt set received_by = 'someone' where purchase_order_id = ?", order.id));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                    "delete from purchase_receipt where purchase_order_id = ?", order.id));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                    "update purchase_receipt_line set quantity = 5 where purchase_order_line_id = ?", order.lines[0]));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                    "delete from purchase_receipt_line where purchase_order_line_id = ?", order.lines[0]));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection, "truncate purchase_receipt_line"));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                    "truncate purchase_receipt, purchase_receipt_line"));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                    "delete from purchase_order_line where id = ?", order.lines[0]));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                    "delete from purchase_order where id = ?", order.id));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                    "update purchase_order_line set quantity_ordered = 20 where id = ?", order.lines[0]));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                    "update purchase_order set number = 'OTHER-1' where id = ?", order.id));

            assertThat(received(connection, order.lines[0])).isEqualByComparingTo("4");
        }
    }

    @Test
    void aReceiptLineMustBeTheReceiveMovementItNames() throws Exception {
        try (Connection connection = database.connect()) {
            long bolt = Fixtures.newProduct(connection);
            long nut = Fixtures.newProduct(connection);
            long dock = Fixtures.newLocation(connection);
            long shelf = Fixtures.newLocation(connection);
            Order order = newOrder(connection, false, bolt, 10);

            // Another product, another location, another quantity, no reference, another type.
            assertReceiptLineRefused(connection, order, dock, "RECEIVE", nut, dock, 2, order.number);
            assertReceiptLineRefused(connection, order, dock, "RECEIVE", bolt, shelf, 2, order.number);
            assertReceiptLineRefused(connection, order, dock, "RECEIVE", bolt, dock, 3, order.number);
            assertReceiptLineRefused(connection, order, dock, "RECEIVE", bolt, dock, 2, null);
            assertReceiptLineRefused(connection, order, dock, "ADJUST", bolt, dock, 2, order.number);
            assertThat(count(connection, "select count(*) from purchase_receipt where purchase_order_id = " + order.id))
                    .isZero();
        }
    }

    @Test
    void aMovementServesOneReceiptLine() throws Exception {
        try (Connection connection = database.connect()) {
            long bolt = Fixtures.newProduct(connection);
            long dock = Fixtures.newLocation(connection);
            Order order = newOrder(connection, false, bolt, 10);
            long[] movement = new long[1];
            inTransaction(connection, () -> movement[0] = deliver(connection, order, dock, 0, 2));

            assertRefused(UNIQUE_VIOLATION, "purchase_receipt_line_one_per_movement", () -> inTransaction(connection, () -> {
                long receipt = receipt(connection, order, dock);
                insertReceiptLine(connection, receipt, order.lines[0], movement[0], 2);
            }));
        }
    }

    @Test
    void oneLinePerProductAndOrderedQuantitiesArePositiveAndFitTheUnit() throws Exception {
        try (Connection connection = database.connect()) {
            long bolt = Fixtures.newProduct(connection);
            long cable = Fixtures.newProduct(connection);
            execute(connection, "update product set unit_of_measure = 'M' where id = ?", cable);

            assertRefused(UNIQUE_VIOLATION, "purchase_order_line_one_per_product",
                    () -> newOrder(connection, false, bolt, 1, bolt, 2));
            assertRefused(CHECK_VIOLATION, "purchase_order_line_ordered_positive",
                    () -> newOrder(connection, false, bolt, 0));
            assertRefused(CHECK_VIOLATION, () -> newOrder(connection, false, bolt, new BigDecimal("1.5")));
            newOrder(connection, false, cable, new BigDecimal("1.5"));
        }
    }

    @Test
    void anOrderHasLinesAndIsReceivedExactlyWhenEveryLineIs() throws Exception {
        try (Connection connection = database.connect()) {
            long bolt = Fixtures.newProduct(connection);
            long dock = Fixtures.newLocation(connection);

            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection,
                    () -> insertOrder(connection, Fixtures.uniqueCode("PO"), false)));
            Order order = newOrder(connection, false, bolt, 10);
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                    "update purchase_order set status = 'RECEIVED' where id = ?", order.id));
            // Fully received but left OPEN fails at commit too.
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION,
                    () -> inTransaction(connection, () -> deliver(connection, order, dock, 0, 10)));
            assertRefused(CHECK_VIOLATION, "purchase_order_status_known", () -> execute(connection,
                    "update purchase_order set status = 'LOST' where id = ?", order.id));

            assertThat(status(connection, order)).isEqualTo("OPEN");
        }
    }

    @Test
    void aClosedOrderTakesNoDeliveryAndNeverChangesAgain() throws Exception {
        try (Connection connection = database.connect()) {
            long bolt = Fixtures.newProduct(connection);
            long dock = Fixtures.newLocation(connection);
            Order order = newOrder(connection, false, bolt, 10);
            inTransaction(connection, () -> deliver(connection, order, dock, 0, 4));
            execute(connection, "update purchase_order set status = 'CANCELLED' where id = ?", order.id);

            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION,
                    () -> inTransaction(connection, () -> deliver(connection, order, dock, 0, 1)));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                    "update purchase_order set status = 'OPEN' where id = ?", order.id));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                    "update purchase_order set note = 'changed' where id = ?", order.id));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection, """
                    insert into purchase_order_line (purchase_order_id, product_id, quantity_ordered, allow_over_receipt)
                    values (?, ?, 1, false)""", order.id, Fixtures.newProduct(connection)));

            assertThat(received(connection, order.lines[0])).isEqualByComparingTo("4");
            assertThat(Fixtures.onHand(connection, bolt, dock)).isEqualTo(4);
        }
    }

    @Test
    void orderNumbersAreIdentifiersAndUnique() throws Exception {
        try (Connection connection = database.connect()) {
            long bolt = Fixtures.newProduct(connection);
            Order order = newOrder(connection, false, bolt, 1);

            assertRefused(UNIQUE_VIOLATION, "purchase_order_number_unique",
                    () -> insertOrder(connection, order.number, false));
            assertRefused(CHECK_VIOLATION, "purchase_order_number_format",
                    () -> insertOrder(connection, "PO 1", false));
            assertRefused(CHECK_VIOLATION, "purchase_order_supplier_not_blank", () -> execute(connection,
                    "insert into purchase_order (number, supplier, created_by) values (?, ' ', 'test')",
                    Fixtures.uniqueCode("PO")));
        }
    }

    // -- the SQL the server runs ------------------------------------------------------------------

    /** An order and its lines, by id. */
    private record Order(long id, String number, long[] lines, long[] products) {
    }

    /** Creates and commits an order with lines of (product, quantity) pairs. */
    private static Order newOrder(Connection connection, boolean allowOverReceipt, Object... productsAndQuantities)
            throws SQLException {
        String number = Fixtures.uniqueCode("PO");
        int lineCount = productsAndQuantities.length / 2;
        long[] lines = new long[lineCount];
        long[] products = new long[lineCount];
        long[] id = new long[1];
        inTransaction(connection, () -> {
            id[0] = insertOrder(connection, number, allowOverReceipt);
            for (int i = 0; i < lineCount; i++) {
                products[i] = (Long) productsAndQuantities[2 * i];
                Object quantity = productsAndQuantities[2 * i + 1];
                lines[i] = returningId(connection, """
                        insert into purchase_order_line (purchase_order_id, product_id, quantity_ordered, allow_over_receipt)
                        values (?, ?, ?, ?) returning id""", id[0], products[i],
                        quantity instanceof BigDecimal exact ? exact : new BigDecimal(quantity.toString()),
                        allowOverReceipt);
            }
        });
        return new Order(id[0], number, lines, products);
    }

    private static long insertOrder(Connection connection, String number, boolean allowOverReceipt) throws SQLException {
        return returningId(connection, """
                insert into purchase_order (number, supplier, allow_over_receipt, created_by)
                values (?, 'Acme Fasteners', ?, 'test') returning id""", number, allowOverReceipt);
    }

    private static long receipt(Connection connection, Order order, long location) throws SQLException {
        return returningId(connection, """
                insert into purchase_receipt (purchase_order_id, location_id, received_by)
                values (?, ?, 'test') returning id""", order.id, location);
    }

    /** One delivery of one line, in the caller's transaction; returns the movement. */
    private static long deliver(Connection connection, Order order, long location, int line, int quantity)
            throws SQLException {
        return receiveLine(connection, order, receipt(connection, order, location), location, line, quantity);
    }

    /** The movement, the level, the receipt line and the line's received quantity, as the server writes them. */
    private static long receiveLine(Connection connection, Order order, long receipt, long location, int line,
                                    int quantity) throws SQLException {
        long movement = receiveMovement(connection, order.products[line], location, quantity, order.number);
        Fixtures.changeOnHand(connection, order.products[line], location, quantity);
        insertReceiptLine(connection, receipt, order.lines[line], movement, quantity);
        execute(connection, "update purchase_order_line set quantity_received = quantity_received + ? where id = ?",
                quantity, order.lines[line]);
        return movement;
    }

    private static long receiveMovement(Connection connection, long product, long location, int quantity,
                                        String reference) throws SQLException {
        return returningId(connection, """
                insert into stock_movement (movement_type, product_id, to_location_id, quantity, reference, recorded_by)
                values ('RECEIVE', ?, ?, ?, ?, 'test') returning id""", product, location, quantity, reference);
    }

    private static void insertReceiptLine(Connection connection, long receipt, long orderLine, long movement,
                                          int quantity) throws SQLException {
        execute(connection, """
                insert into purchase_receipt_line (purchase_receipt_id, purchase_order_line_id, movement_id, quantity)
                values (?, ?, ?, ?)""", receipt, orderLine, movement, quantity);
    }

    /** A receipt line of 2 of the order's first line, naming a movement that is not its RECEIVE: refused. */
    private static void assertReceiptLineRefused(Connection connection, Order order, long receiptLocation, String type,
                                                 long product, long location, int quantity, String reference) {
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> {
            long movement = returningId(connection, """
                    insert into stock_movement (movement_type, product_id, to_location_id, quantity, reason, reference,
                                                recorded_by)
                    values (?, ?, ?, ?, 'test', ?, 'test') returning id""", type, product, location, quantity, reference);
            Fixtures.changeOnHand(connection, product, location, quantity);
            long receipt = receipt(connection, order, receiptLocation);
            insertReceiptLine(connection, receipt, order.lines[0], movement, 2);
            execute(connection, "update purchase_order_line set quantity_received = 2 where id = ?", order.lines[0]);
        }));
    }

    private static String status(Connection connection, Order order) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select status from purchase_order where id = ?")) {
            query.setLong(1, order.id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static BigDecimal received(Connection connection, long line) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select quantity_received from purchase_order_line where id = ?")) {
            query.setLong(1, line);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBigDecimal(1);
            }
        }
    }

    private static long returningId(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                insert.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
