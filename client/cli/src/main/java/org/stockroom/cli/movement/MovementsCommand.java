package org.stockroom.cli.movement;

import org.stockroom.cli.ExitCode;
import org.stockroom.cli.Output;
import org.stockroom.cli.PageOptions;
import org.stockroom.cli.SinceOption;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.cli.Table;
import org.stockroom.client.StockroomClient;
import org.stockroom.client.model.Movement;
import org.stockroom.client.model.MovementQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code stockroom movements}: the stock ledger, newest first. */
@Command(name = "movements", description = "List stock movements, newest first.")
public final class MovementsCommand implements Callable<Integer> {

    @ParentCommand
    StockroomCommand stockroom;

    @Option(names = "--sku", paramLabel = "SKU", description = "Only movements of this product.")
    String sku;

    @Option(names = "--location", paramLabel = "CODE", description = "Only movements into or out of this location.")
    String location;

    @Mixin
    SinceOption since;

    @Mixin
    PageOptions paging;

    @Override
    public Integer call() {
        StockroomClient client = stockroom.client();
        Output output = stockroom.output();
        MovementQuery query = new MovementQuery(sku, location, since.since(), paging.limit(), null);
        paging.show(output, after -> client.movements().list(query.withAfter(after)), "movements",
                movements -> table(movements, output));
        return ExitCode.OK;
    }

    static Table table(List<Movement> movements, Output output) {
        Table table = new Table().right("ID").left("WHEN").left("TYPE").left("SKU").right("QUANTITY")
                .left("FROM").left("TO").left("BY").left("REFERENCE").left("REASON");
        for (Movement movement : movements) {
            table.row(movement.id(), output.time(movement.occurredAt()), movement.type(), movement.sku(),
                    movement.quantity().toPlainString(), movement.from(), movement.to(), movement.recordedBy(),
                    movement.reference(),
                    movement.reason());
        }
        return table;
    }
}
