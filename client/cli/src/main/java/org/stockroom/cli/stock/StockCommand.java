package org.stockroom.cli.stock;

import org.stockroom.cli.ExitCode;
import org.stockroom.cli.PageOptions;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.cli.Table;
import org.stockroom.client.StockroomClient;
import org.stockroom.client.model.Movement;
import org.stockroom.client.model.MovementLot;
import org.stockroom.client.model.NewMovement;
import org.stockroom.client.model.StockLevel;
import org.stockroom.client.model.StockQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** {@code stockroom stock receive|issue|transfer|adjust|levels}: moving stock and looking at it. */
@Command(name = "stock", synopsisSubcommandLabel = "COMMAND",
        description = "Receive, issue, transfer and adjust stock, and see stock levels.")
public final class StockCommand {

    @ParentCommand
    StockroomCommand stockroom;

    /** The lot of a lot-tracked product that stock leaves from. */
    static final class LotOut {
        @Option(names = "--lot", paramLabel = "LOT",
                description = "Take from this lot of a lot-tracked product (default: the first to expire; "
                        + "expired lots only when named).")
        String lot;
    }

    /** The lot of a lot-tracked product that stock arrives into, and when it expires. */
    static final class LotIn {
        @Option(names = "--lot", paramLabel = "LOT",
                description = "The lot (batch) number; required for a lot-tracked product.")
        String lot;

        @Option(names = "--expires", paramLabel = "DATE",
                description = "The lot's expiry date, e.g. 2027-01-31, for a new lot (an existing lot's must agree).")
        LocalDate expires;
    }

    /** The optional notes every movement can carry. */
    static final class Notes {
        @Option(names = "--reference", paramLabel = "TEXT",
                description = "A document it belongs to, e.g. a purchase order or job number.")
        String reference;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why, in a few words.")
        String reason;
    }

    @Command(name = "receive", description = "Record goods arriving at a location.")
    int receive(@Parameters(paramLabel = "SKU", description = "The product.") String sku,
                @Parameters(paramLabel = "QUANTITY", description = "How many, in the product's unit (2.5 for metres or kilograms).")
                BigDecimal quantity,
                @Option(names = "--to", paramLabel = "LOCATION", required = true,
                        description = "Where the goods go.") String to,
                @Mixin LotIn lot,
                @Mixin Notes notes) {
        Movement movement = record(NewMovement.receive(sku, quantity, to, notes.reason, notes.reference)
                .withLot(lot.lot).withExpiresOn(lot.expires));
        confirm(movement, "Received " + movement.quantity().toPlainString() + " " + sku + " at " + to);
        return ExitCode.OK;
    }

    @Command(name = "issue", description = "Record goods leaving a location (used, sold, scrapped).")
    int issue(@Parameters(paramLabel = "SKU", description = "The product.") String sku,
              @Parameters(paramLabel = "QUANTITY", description = "How many, in the product's unit (2.5 for metres or kilograms).")
                BigDecimal quantity,
              @Option(names = "--from", paramLabel = "LOCATION", required = true,
                      description = "Where the goods come from.") String from,
              @Option(names = "--reservation", paramLabel = "ID",
                      description = "Take the stock out of this reservation (of the SKU at --from); without one, "
                              + "only available stock (on hand - reserved) can be issued.") Long reservation,
              @Mixin LotOut lot,
              @Mixin Notes notes) {
        Movement movement = record(NewMovement.issue(sku, quantity, from, notes.reason, notes.reference)
                .withLot(lot.lot).withReservation(reservation));
        confirm(movement, "Issued " + movement.quantity().toPlainString() + " " + sku + " from " + from
                + (movement.reservation() == null ? "" : " against reservation " + movement.reservation()));
        return ExitCode.OK;
    }

    @Command(name = "transfer", description = "Record goods moving from one location to another.")
    int transfer(@Parameters(paramLabel = "SKU", description = "The product.") String sku,
                 @Parameters(paramLabel = "QUANTITY", description = "How many, in the product's unit (2.5 for metres or kilograms).")
                BigDecimal quantity,
                 @Option(names = "--from", paramLabel = "LOCATION", required = true,
                         description = "Where the goods come from.") String from,
                 @Option(names = "--to", paramLabel = "LOCATION", required = true,
                         description = "Where the goods go.") String to,
                 @Mixin LotOut lot,
                 @Mixin Notes notes) {
        Movement movement = record(NewMovement.transfer(sku, quantity, from, to, notes.reason, notes.reference)
                .withLot(lot.lot));
        confirm(movement, "Transferred " + movement.quantity().toPlainString() + " " + sku + " from " + from + " to " + to);
        return ExitCode.OK;
    }

    @Command(name = "adjust",
            description = "Correct the stock at one location by a signed amount, e.g. after a count: "
                    + "-2 takes two off, 3 adds three.")
    int adjust(@Parameters(paramLabel = "SKU", description = "The product.") String sku,
               @Parameters(paramLabel = "CHANGE", description = "How much to add (or, negative, take off).")
               BigDecimal change,
               @Option(names = "--at", paramLabel = "LOCATION", required = true,
                       description = "The location whose stock is corrected.") String at,
               @Option(names = "--reason", paramLabel = "TEXT", required = true,
                       description = "Why, e.g. \"cycle count\"; required.") String reason,
               @Option(names = "--reference", paramLabel = "TEXT",
                       description = "A document it belongs to.") String reference,
               @Option(names = "--lot", paramLabel = "LOT",
                       description = "The lot corrected; required for a lot-tracked product.") String lot,
               @Option(names = "--expires", paramLabel = "DATE",
                       description = "For stock added to a new lot: its expiry date.") LocalDate expires) {
        Movement movement = record(NewMovement.adjust(sku, change, at, reason, reference).withLot(lot)
                .withExpiresOn(expires));
        confirm(movement, "Adjusted " + sku + " at " + at + " by " + signed(movement.quantity()));
        return ExitCode.OK;
    }

    @Command(name = "levels", description = "Show how much is on hand, reserved and available, per product and location.")
    int levels(@Option(names = "--sku", paramLabel = "SKU", description = "Only this product.") String sku,
               @Option(names = "--location", paramLabel = "CODE", description = "Only this location.")
               String location,
               @Option(names = "--low", description = "Only stock below its product's reorder point.")
               boolean low,
               @Mixin PageOptions paging) {
        StockroomClient client = stockroom.client();
        StockQuery query = new StockQuery(sku, location, low ? Boolean.TRUE : null, paging.limit(), null);
        paging.show(stockroom.output(), after -> client.stock().levels(query.withAfter(after)), "stock levels",
                StockCommand::table);
        return ExitCode.OK;
    }

    /** Records the movement with this command's idempotency key, so a retry records it once. */
    private Movement record(NewMovement movement) {
        return stockroom.client().movements().record(movement, stockroom.idempotencyKey());
    }

    private void confirm(Movement movement, String sentence) {
        stockroom.output().result(movement, sentence + lots(movement) + " (movement " + movement.id() + ").");
    }

    /** The lots a movement moved, for its confirmation: {@code , lot L1 (expires 2027-01-31): 5, lot L2: 2}. */
    static String lots(Movement movement) {
        StringBuilder lots = new StringBuilder();
        for (MovementLot lot : movement.lots()) {
            lots.append(lots.isEmpty() ? ", " : "; ").append("lot ").append(lot.lot());
            if (lot.expiresOn() != null) {
                lots.append(" (expires ").append(lot.expiresOn()).append(")");
            }
            if (movement.lots().size() > 1) {
                lots.append(": ").append(lot.quantity().abs().toPlainString());
            }
        }
        return lots.toString();
    }

    static String signed(BigDecimal change) {
        return (change.signum() > 0 ? "+" : "") + change.toPlainString();
    }

    static Table table(List<StockLevel> levels) {
        Table table = new Table().left("SKU").left("LOCATION").right("ON HAND").right("RESERVED").right("AVAILABLE")
                .right("REORDER POINT");
        for (StockLevel level : levels) {
            table.row(level.sku(), level.location(), level.onHand().toPlainString(), level.reserved().toPlainString(),
                    level.available().toPlainString(), level.reorderPoint().toPlainString());
        }
        return table;
    }
}
