package org.stockroom.cli.csv;

import org.stockroom.cli.ExitCode;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.client.Exports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.time.Instant;

/** {@code stockroom export products|locations|stock|movements [--output FILE]}: CSV, streamed. */
@Command(name = "export", description = {"Export products, locations, stock levels or the ledger (movements) as CSV,",
        "to standard output or a file. Exported products and locations import again unchanged."})
public final class ExportCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    StockroomCommand stockroom;

    @Parameters(index = "0", paramLabel = "KIND", description = "products, locations, stock or movements")
    String kind;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to this file (whole or not at all) instead of standard output.")
    Path output;

    @Option(names = "--sku", paramLabel = "SKU", description = "stock, movements: only this product.")
    String sku;

    @Option(names = "--location", paramLabel = "CODE", description = "stock, movements: only this location.")
    String location;

    @Option(names = "--since", paramLabel = "WHEN", description = "movements: only those at or after WHEN.")
    Instant since;

    @Option(names = "--until", paramLabel = "WHEN", description = "movements: only those before WHEN.")
    Instant until;

    @Override
    public Integer call() throws InterruptedException {
        Exports.Kind what;
        try {
            what = Exports.Kind.of(kind);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), e.getMessage());
        }
        Exports.Filter filter = new Exports.Filter(sku, location, since, until);
        if (output != null) {
            stockroom.client().exports().download(what, filter, output);
            stockroom.err().println("Exported " + what.apiName() + " to " + output);
            return ExitCode.OK;
        }
        stockroom.client().exports().write(what, filter, stockroom.out());
        return ExitCode.OK;
    }
}
