package org.stockroom.cli.stocktake;

import org.stockroom.cli.ExitCode;
import org.stockroom.cli.Output;
import org.stockroom.cli.PageOptions;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.cli.Table;
import org.stockroom.client.StockroomClient;
import org.stockroom.client.Versioned;
import org.stockroom.client.model.NewStocktake;
import org.stockroom.client.model.Stocktake;
import org.stockroom.client.model.StocktakeLine;
import org.stockroom.client.model.StocktakeQuery;
import org.stockroom.client.model.StocktakeStatus;
import org.stockroom.client.model.StocktakeSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code stockroom stocktake start|count|show|post|cancel|list}: counting a location's stock. */
@Command(name = "stocktake", synopsisSubcommandLabel = "COMMAND",
        description = "Count the stock at a location and post the differences as adjustments.")
public final class StocktakeCommand {

    @ParentCommand
    StockroomCommand stockroom;

    @Spec
    CommandSpec spec;

    @Command(name = "start", description = "Open a count of a location: all of it, or only some SKUs.")
    int start(@Parameters(paramLabel = "LOCATION", description = "The location to count.") String location,
              @Option(names = "--sku", paramLabel = "SKU",
                      description = "Count only this product; repeat for more. Default: everything there.")
              List<String> skus) {
        NewStocktake request = new NewStocktake(location, skus == null || skus.isEmpty() ? null : skus);
        Stocktake opened = stockroom.client().stocktakes().open(request, stockroom.idempotencyKey()).value();
        stockroom.output().result(opened, "Started stocktake " + opened.id() + " of " + opened.location() + ": "
                + plural(opened.lines().size(), "product") + " to count.");
        return ExitCode.OK;
    }

    @Command(name = "count", description = "Enter what was counted of a product; counting it again replaces it.")
    int count(@Parameters(paramLabel = "ID", description = "The stocktake.") long id,
              @Parameters(paramLabel = "SKU", description = "The product.") String sku,
              @Parameters(paramLabel = "QUANTITY", description = "How many are there, in the product's unit.")
              BigDecimal counted) {
        StocktakeLine line = stockroom.client().stocktakes().count(id, sku, counted);
        stockroom.output().result(line, "Counted " + plain(line.counted()) + " " + line.sku() + " in stocktake " + id
                + ": " + plain(line.expected()) + " on hand as counted, difference " + signed(line.difference()) + ".");
        return ExitCode.OK;
    }

    @Command(name = "show", description = "Show a stocktake: what was counted, what was expected, the differences.")
    int show(@Parameters(paramLabel = "ID", description = "The stocktake.") long id) {
        Versioned<Stocktake> read = stockroom.client().stocktakes().get(id);
        Output output = stockroom.output();
        if (output.json()) {
            output.json(read.value());
            return ExitCode.OK;
        }
        output.details(details(read.value(), output));
        output.line("");
        output.table(lines(read.value().lines()));
        if (read.value().status() == StocktakeStatus.OPEN) {
            output.line("");
            output.line("To post these differences: stockroom stocktake post " + id + " --if-version "
                    + read.value().version());
        }
        return ExitCode.OK;
    }

    @Command(name = "post",
            description = "Post the differences as adjustments (managers). Each is added to the stock as it is now,"
                    + " so what moved since a count is kept.")
    int post(@Parameters(paramLabel = "ID", description = "The stocktake.") long id,
             @Option(names = "--if-version", paramLabel = "N",
                     description = "Post only if the stocktake is still at this version, as 'show' printed it"
                             + " (refused if someone counted since). Default: as it is now.") Long version) {
        StockroomClient client = stockroom.client();
        String etag = version != null ? "\"" + version + "\"" : client.stocktakes().get(id).etag();
        Stocktake posted = client.stocktakes().post(id, etag, stockroom.idempotencyKey()).value();
        List<String> adjustments = posted.lines().stream().filter(line -> line.movement() != null)
                .map(line -> line.sku() + " " + signed(line.difference()) + " (movement " + line.movement() + ")")
                .toList();
        stockroom.output().result(posted, "Posted stocktake " + id + ": " + (adjustments.isEmpty()
                ? "no differences, no adjustments." : String.join(", ", adjustments) + "."));
        return ExitCode.OK;
    }

    @Command(name = "cancel", description = "Close a stocktake without changing any stock.")
    int cancel(@Parameters(paramLabel = "ID", description = "The stocktake.") long id) {
        Stocktake cancelled = stockroom.client().stocktakes().cancel(id).value();
        stockroom.output().result(cancelled, "Cancelled stocktake " + id + "; no stock changed.");
        return ExitCode.OK;
    }

    @Command(name = "list", description = "List stocktakes, newest first.")
    int list(@Option(names = "--status", paramLabel = "STATUS", description = "Only open, posted or cancelled ones.")
             String status,
             @Option(names = "--location", paramLabel = "CODE", description = "Only of this location.") String location,
             @Mixin PageOptions paging) {
        StockroomClient client = stockroom.client();
        Output output = stockroom.output();
        StocktakeQuery query = new StocktakeQuery(status(status), location, paging.limit(), null);
        paging.show(output, after -> client.stocktakes().list(query.withAfter(after)), "stocktakes",
                stocktakes -> table(stocktakes, output));
        return ExitCode.OK;
    }

    private StocktakeStatus status(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return StocktakeStatus.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.subcommands().get("list"),
                    "Invalid --status: '" + name + "' (expected open, posted or cancelled)");
        }
    }

    static Map<String, Object> details(Stocktake stocktake, Output output) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Stocktake", stocktake.id());
        fields.put("Location", stocktake.location());
        fields.put("Status", stocktake.status().name().toLowerCase(Locale.ROOT));
        fields.put("Counts", stocktake.skus() == null ? "everything at the location" : String.join(", ", stocktake.skus()));
        fields.put("Opened", output.time(stocktake.openedAt()) + " by " + stocktake.openedBy());
        fields.put("Closed", stocktake.closedBy() == null ? null
                : output.time(stocktake.closedAt()) + " by " + stocktake.closedBy());
        fields.put("Version", stocktake.version());
        return fields;
    }

    static Table lines(List<StocktakeLine> lines) {
        Table table = new Table().left("SKU").left("NAME").right("COUNTED").right("EXPECTED").right("DIFFERENCE")
                .left("COUNTED BY").right("MOVEMENT");
        for (StocktakeLine line : lines) {
            table.row(line.sku(), line.name(), plain(line.counted()), plain(line.expected()),
                    line.difference() == null ? null : signed(line.difference()), line.countedBy(), line.movement());
        }
        return table;
    }

    static Table table(List<StocktakeSummary> stocktakes, Output output) {
        Table table = new Table().right("ID").left("OPENED").left("LOCATION").left("STATUS").left("COUNTS")
                .left("BY").left("CLOSED");
        for (StocktakeSummary stocktake : stocktakes) {
            table.row(stocktake.id(), output.time(stocktake.openedAt()), stocktake.location(), stocktake.status(),
                    stocktake.skus() == null ? "all" : plural(stocktake.skus().size(), "SKU"), stocktake.openedBy(),
                    stocktake.closedBy() == null ? null : output.time(stocktake.closedAt()) + " " + stocktake.closedBy());
        }
        return table;
    }

    /** A difference with its sign: {@code +4}, {@code -2}, {@code 0}. */
    static String signed(BigDecimal difference) {
        return (difference.signum() > 0 ? "+" : "") + plain(difference);
    }

    private static String plain(BigDecimal quantity) {
        return quantity == null ? null : quantity.stripTrailingZeros().toPlainString();
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
