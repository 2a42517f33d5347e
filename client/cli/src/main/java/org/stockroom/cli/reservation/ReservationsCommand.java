package org.stockroom.cli.reservation;

import org.stockroom.cli.ExitCode;
import org.stockroom.cli.Output;
import org.stockroom.cli.PageOptions;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.cli.Table;
import org.stockroom.client.StockroomClient;
import org.stockroom.client.model.Reservation;
import org.stockroom.client.model.ReservationQuery;
import org.stockroom.client.model.ReservationStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code stockroom reservations [--sku] [--location] [--reference] [--status]}: the reservations, newest first. */
@Command(name = "reservations", description = "List reservations, newest first.")
public final class ReservationsCommand implements Callable<Integer> {

    @ParentCommand
    StockroomCommand stockroom;

    @Spec
    CommandSpec spec;

    @Option(names = "--sku", paramLabel = "SKU", description = "Only of this product.")
    String sku;

    @Option(names = "--location", paramLabel = "CODE", description = "Only at this location.")
    String location;

    @Option(names = "--reference", paramLabel = "REF", description = "Only for this reference.")
    String reference;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only open, consumed, released or expired ones.")
    String status;

    @Mixin
    PageOptions paging;

    @Override
    public Integer call() {
        StockroomClient client = stockroom.client();
        Output output = stockroom.output();
        ReservationQuery query = new ReservationQuery(sku, location, reference, status(status), paging.limit(), null);
        paging.show(output, after -> client.reservations().list(query.withAfter(after)), "reservations",
                reservations -> table(reservations, output));
        return ExitCode.OK;
    }

    private ReservationStatus status(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return ReservationStatus.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid --status: '" + name + "' (expected open, consumed, released or expired)");
        }
    }

    static Table table(List<Reservation> reservations, Output output) {
        Table table = new Table().right("ID").left("SKU").left("LOCATION").left("REFERENCE").right("QUANTITY")
                .right("REMAINING").left("STATUS").left("EXPIRES").right("VERSION");
        for (Reservation reservation : reservations) {
            table.row(reservation.id(), reservation.sku(), reservation.location(), reservation.reference(),
                    reservation.quantity().toPlainString(), reservation.remaining().toPlainString(),
                    reservation.status().name().toLowerCase(Locale.ROOT), output.time(reservation.expiresAt()),
                    reservation.version());
        }
        return table;
    }
}
