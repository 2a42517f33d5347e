package org.stockroom.cli.lot;

import org.stockroom.cli.ExitCode;
import org.stockroom.cli.Output;
import org.stockroom.cli.PageOptions;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.cli.Table;
import org.stockroom.client.StockroomClient;
import org.stockroom.client.model.ExpiringLot;
import org.stockroom.client.model.ExpiringLotQuery;
import org.stockroom.client.model.LotLevel;
import org.stockroom.client.model.LotQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code stockroom lots [--sku] [--location]} and {@code stockroom lots expiring}: the lots of lot-tracked products. */
@Command(name = "lots", synopsisSubcommandLabel = "[COMMAND]",
        description = "Show what is on hand of each lot of the lot-tracked products, first expiry first; "
                + "'lots expiring' shows the lots that expire soon.")
public final class LotsCommand implements Callable<Integer> {

    @ParentCommand
    StockroomCommand stockroom;

    @Option(names = "--sku", paramLabel = "SKU", description = "Only this product.")
    String sku;

    @Option(names = "--location", paramLabel = "CODE", description = "Only this location.")
    String location;

    @Mixin
    PageOptions paging;

    @Override
    public Integer call() {
        StockroomClient client = stockroom.client();
        LotQuery query = new LotQuery(sku, location, paging.limit(), null);
        paging.show(stockroom.output(), after -> client.lots().levels(query.withAfter(after)), "lots",
                LotsCommand::table);
        return ExitCode.OK;
    }

    @Command(name = "expiring",
            description = "Show the lots in stock that expire within --days days, or have expired, soonest first.")
    int expiring(@Option(names = "--days", paramLabel = "N", defaultValue = "30",
                         description = "How many days ahead to look (default: ${DEFAULT-VALUE}).") int days,
                 @Option(names = "--location", paramLabel = "CODE", description = "Only this location.")
                 String at,
                 @Mixin PageOptions pages) {
        StockroomClient client = stockroom.client();
        ExpiringLotQuery query = new ExpiringLotQuery(days, at, pages.limit(), null);
        Output output = stockroom.output();
        pages.show(output, after -> client.lots().expiring(query.withAfter(after)), "expiring lots",
                LotsCommand::expiringTable);
        return ExitCode.OK;
    }

    static Table table(List<LotLevel> levels) {
        Table table = new Table().left("SKU").left("LOCATION").left("LOT").left("EXPIRES").right("ON HAND");
        for (LotLevel level : levels) {
            table.row(level.sku(), level.location(), level.lot(), expiry(level.expiresOn(), level.expired()),
                    level.onHand().toPlainString());
        }
        return table;
    }

    static Table expiringTable(List<ExpiringLot> lots) {
        Table table = new Table().left("EXPIRES").right("DAYS LEFT").left("SKU").left("LOT").left("LOCATION")
                .right("ON HAND");
        for (ExpiringLot lot : lots) {
            table.row(expiry(lot.expiresOn(), lot.expired()), lot.daysLeft(), lot.sku(), lot.lot(), lot.location(),
                    lot.onHand().toPlainString());
        }
        return table;
    }

    private static String expiry(java.time.LocalDate expiresOn, boolean expired) {
        if (expiresOn == null) {
            return "-";
        }
        return expiresOn + (expired ? " (expired)" : "");
    }
}
