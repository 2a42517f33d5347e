package org.stockroom.cli.location;

import org.stockroom.cli.ExitCode;
import org.stockroom.cli.Output;
import org.stockroom.cli.PageOptions;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.cli.Table;
import org.stockroom.client.StockroomClient;
import org.stockroom.client.model.Location;
import org.stockroom.client.model.NewLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;

/** {@code stockroom location add|list}. */
@Command(name = "location", synopsisSubcommandLabel = "COMMAND",
        description = "Add and list the places stock is kept.")
public final class LocationCommand {

    @ParentCommand
    StockroomCommand stockroom;

    @Command(name = "add", description = "Add a location.")
    int add(@Parameters(paramLabel = "CODE", description = "Its short code, e.g. MAIN; never changes.") String code,
            @Option(names = "--name", required = true, description = "What it is called.") String name) {
        Location created = stockroom.client().locations().create(new NewLocation(code, name), stockroom.idempotencyKey());
        stockroom.output().result(created, "Created location " + created.code() + " (" + created.name() + ").");
        return ExitCode.OK;
    }

    @Command(name = "list", description = "List locations, one page at a time unless --all is given.")
    int list(@Mixin PageOptions paging) {
        StockroomClient client = stockroom.client();
        Output output = stockroom.output();
        paging.show(output, after -> client.locations().list(paging.limit(), after), "locations",
                locations -> table(locations, output));
        return ExitCode.OK;
    }

    static Table table(List<Location> locations, Output output) {
        Table table = new Table().left("CODE").left("NAME").left("CREATED");
        for (Location location : locations) {
            table.row(location.code(), location.name(), output.time(location.createdAt()));
        }
        return table;
    }
}
