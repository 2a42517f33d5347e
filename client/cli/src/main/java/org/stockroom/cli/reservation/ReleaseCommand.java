package org.stockroom.cli.reservation;

import org.stockroom.cli.ExitCode;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.client.StockroomClient;
import org.stockroom.client.model.Reservation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code stockroom release ID [--version N]}: let go of what a reservation still holds. */
@Command(name = "release", description = "Release what an open reservation still holds: it is available again.")
public final class ReleaseCommand implements Callable<Integer> {

    @ParentCommand
    StockroomCommand stockroom;

    @Parameters(paramLabel = "ID", description = "The reservation.")
    long id;

    @Option(names = "--if-version", paramLabel = "N",
            description = "Release only if the reservation is still at this version (see 'reservations'); "
                    + "default: as it is now.")
    Long version;

    @Override
    public Integer call() {
        StockroomClient client = stockroom.client();
        // Without --version, the version read just now: an issue drawing on it in between is then told (412).
        String etag = version != null ? "\"" + version + "\"" : client.reservations().get(id).etag();
        Reservation released = client.reservations().release(id, etag).value();
        stockroom.output().result(released, "Released reservation " + id + " (" + released.sku() + " at "
                + released.location() + " for " + released.reference() + "); its stock is available again.");
        return ExitCode.OK;
    }
}
