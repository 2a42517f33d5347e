package org.stockroom.cli.reservation;

import org.stockroom.cli.ExitCode;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.client.model.NewReservation;
import org.stockroom.client.model.Reservation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code stockroom reserve SKU QUANTITY --at LOCATION --reference REF [--expires WHEN]}: hold stock for an order. */
@Command(name = "reserve",
        description = "Hold stock of a product at a location for a reference (an order number), so that only the "
                + "rest is available to issue without the reservation.")
public final class ReserveCommand implements Callable<Integer> {

    @ParentCommand
    StockroomCommand stockroom;

    @Parameters(index = "0", paramLabel = "SKU", description = "The product.")
    String sku;

    @Parameters(index = "1", paramLabel = "QUANTITY", description = "How much, in the product's unit.")
    BigDecimal quantity;

    @Option(names = "--at", paramLabel = "LOCATION", required = true, description = "Where the stock is held.")
    String at;

    @Option(names = "--reference", paramLabel = "REF", required = true,
            description = "What it is held for, e.g. an order number.")
    String reference;

    @Option(names = "--expires", paramLabel = "WHEN",
            description = "When it stops holding the stock: 2026-12-01T17:00:00Z, 2026-12-01T17:00 or 2026-12-01 "
                    + "(local time); default: the server's (7 days).")
    Instant expires;

    @Override
    public Integer call() {
        Reservation made = stockroom.client().reservations()
                .reserve(new NewReservation(sku, at, quantity, reference, expires), stockroom.idempotencyKey()).value();
        stockroom.output().result(made, "Reserved " + made.quantity().toPlainString() + " " + made.sku() + " at "
                + made.location() + " for " + made.reference() + " until " + stockroom.output().time(made.expiresAt())
                + " (reservation " + made.id() + ").");
        return ExitCode.OK;
    }
}
