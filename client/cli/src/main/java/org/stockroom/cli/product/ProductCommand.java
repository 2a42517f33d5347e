package org.stockroom.cli.product;

import org.stockroom.cli.ExitCode;
import org.stockroom.cli.Output;
import org.stockroom.cli.PageOptions;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.cli.Table;
import org.stockroom.client.StockroomClient;
import org.stockroom.client.Versioned;
import org.stockroom.client.model.NewProduct;
import org.stockroom.client.model.Product;
import org.stockroom.client.model.ProductChanges;
import org.stockroom.client.model.ProductQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code stockroom product add|list|show|edit|archive}. */
@Command(name = "product", synopsisSubcommandLabel = "COMMAND",
        description = "Add, list, show, edit and archive products.")
public final class ProductCommand {

    @ParentCommand
    StockroomCommand stockroom;

    @Spec
    CommandSpec spec;

    @Command(name = "add", description = "Add a product.")
    int add(@Parameters(paramLabel = "SKU", description = "Its stock keeping unit, e.g. BOLT-1; never changes.")
            String sku,
            @Option(names = "--name", required = true, description = "What it is called.") String name,
            @Option(names = "--description", paramLabel = "TEXT", description = "More about it.") String description,
            @Option(names = "--unit", paramLabel = "UNIT",
                    description = "Unit of measure, e.g. EA, BOX, ROLL (server default: EA).") String unit,
            @Option(names = "--category", paramLabel = "CATEGORY",
                    description = "A group to file it under, e.g. Fasteners.") String category,
            @Option(names = "--reorder-point", paramLabel = "N",
                    description = "Reorder when stock falls below N (server default: 0).") BigDecimal reorderPoint,
            @Option(names = "--lot-tracked",
                    description = "Keep it in lots (batches) with expiry dates: receipts name their lot.")
            boolean lotTracked) {
        NewProduct product = new NewProduct(sku, name, description, unit, category, reorderPoint);
        Versioned<Product> created = stockroom.client().products().create(
                lotTracked ? product.withLotTracked(true) : product, stockroom.idempotencyKey());
        stockroom.output().result(created.value(),
                "Created product " + created.value().sku() + " (" + created.value().name() + ").");
        return ExitCode.OK;
    }

    @Command(name = "list", description = "List products, one page at a time unless --all is given.")
    int list(@Option(names = {"--search", "-q"}, paramLabel = "TEXT",
                     description = "Only products whose SKU or name contains TEXT.") String text,
             @Option(names = "--category", paramLabel = "CATEGORY",
                     description = "Only products in this category.") String category,
             @Option(names = "--low", description = "Only products whose stock is below their reorder point.")
             boolean low,
             @Mixin PageOptions paging) {
        StockroomClient client = stockroom.client();
        ProductQuery query = new ProductQuery(text, category, low ? Boolean.TRUE : null, paging.limit(), null);
        paging.show(stockroom.output(), after -> client.products().list(query.withAfter(after)), "products",
                ProductCommand::table);
        return ExitCode.OK;
    }

    @Command(name = "show", description = "Show one product.")
    int show(@Parameters(paramLabel = "SKU", description = "The product.") String sku) {
        Product product = stockroom.client().products().get(sku).value();
        Output output = stockroom.output();
        output.record(product, () -> details(product, output));
        return ExitCode.OK;
    }

    @Command(name = "edit",
            description = "Change a product's details; what is not given stays as it is. "
                    + "Refused if someone else changed the product at the same moment.")
    int edit(@Parameters(paramLabel = "SKU", description = "The product.") String sku,
             @Option(names = "--name", description = "New name.") String name,
             @Option(names = "--description", paramLabel = "TEXT",
                     description = "New description; \"\" removes it.") String description,
             @Option(names = "--unit", paramLabel = "UNIT", description = "Unit of measure.") String unit,
             @Option(names = "--category", paramLabel = "CATEGORY",
                     description = "New category; \"\" removes it.") String category,
             @Option(names = "--reorder-point", paramLabel = "N",
                     description = "New reorder point.") BigDecimal reorderPoint,
             @Option(names = "--lot-tracked", paramLabel = "true|false", arity = "1",
                     description = "Keep it in lots, or not; only while none of it is on hand.") Boolean lotTracked) {
        if (name == null && description == null && unit == null && category == null && reorderPoint == null
                && lotTracked == null) {
            throw new ParameterException(spec.subcommands().get("edit"),
                    "Nothing to change: give at least one of "
                            + "--name, --description, --unit, --category, --reorder-point, --lot-tracked");
        }
        StockroomClient client = stockroom.client();
        Versioned<Product> current = client.products().get(sku);
        ProductChanges changes = current.value().changes();
        if (name != null) {
            changes = changes.withName(name);
        }
        if (description != null) {
            changes = changes.withDescription(description.isEmpty() ? null : description);
        }
        if (unit != null) {
            changes = changes.withUnitOfMeasure(unit);
        }
        if (category != null) {
            changes = changes.withCategory(category.isEmpty() ? null : category);
        }
        if (reorderPoint != null) {
            changes = changes.withReorderPoint(reorderPoint);
        }
        if (lotTracked != null) {
            changes = changes.withLotTracked(lotTracked);
        }
        Product updated = client.products().update(sku, changes, current.etag()).value();
        Output output = stockroom.output();
        if (output.json()) {
            output.json(updated);
        } else {
            output.line("Updated product " + updated.sku() + ".");
            output.details(details(updated, output));
        }
        return ExitCode.OK;
    }

    @Command(name = "archive",
            description = "Archive a product: it stays in the history but takes no more receipts. "
                    + "Refused while it has stock on hand.")
    int archive(@Parameters(paramLabel = "SKU", description = "The product.") String sku) {
        stockroom.client().products().archive(sku);
        Output output = stockroom.output();
        if (!output.json()) {
            output.line("Archived product " + sku + ".");
        }
        return ExitCode.OK;
    }

    static Table table(List<Product> products) {
        Table table = new Table().left("SKU").left("NAME").left("CATEGORY").left("UNIT")
                .right("ON HAND").right("REORDER POINT");
        for (Product product : products) {
            table.row(product.sku(), product.name() + (product.archived() ? " (archived)" : ""),
                    product.category(), product.unitOfMeasure(), product.onHand().toPlainString(),
                    product.reorderPoint().toPlainString());
        }
        return table;
    }

    static Map<String, Object> details(Product product, Output output) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("SKU", product.sku());
        details.put("Name", product.name());
        details.put("Description", product.description());
        details.put("Category", product.category());
        details.put("Unit", product.unitOfMeasure());
        details.put("On hand", product.onHand().toPlainString());
        details.put("Reorder point", product.reorderPoint().toPlainString());
        details.put("Lot-tracked", product.lotTracked() ? "yes" : "no");
        details.put("Archived", product.archived() ? "yes" : "no");
        details.put("Version", product.version());
        details.put("Created", output.time(product.createdAt()));
        details.put("Updated", output.time(product.updatedAt()));
        return details;
    }
}
