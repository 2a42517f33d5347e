package org.stockroom.cli.purchasing;

import org.stockroom.cli.ExitCode;
import org.stockroom.cli.Output;
import org.stockroom.cli.PageOptions;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.cli.Table;
import org.stockroom.client.StockroomClient;
import org.stockroom.client.Versioned;
import org.stockroom.client.model.NewPurchaseOrder;
import org.stockroom.client.model.NewReceipt;
import org.stockroom.client.model.PurchaseOrder;
import org.stockroom.client.model.PurchaseOrderQuery;
import org.stockroom.client.model.PurchaseOrderStatus;
import org.stockroom.client.model.PurchaseOrderSummary;
import org.stockroom.client.model.PurchaseReceipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code stockroom po create|list|show|receive|cancel}: purchase orders and their deliveries. */
@Command(name = "po", synopsisSubcommandLabel = "COMMAND",
        description = "Create, list, show, receive and cancel purchase orders.")
public final class PurchaseOrderCommand {

    @ParentCommand
    StockroomCommand stockroom;

    @Command(name = "create", description = "Create a purchase order (managers), e.g. "
            + "'stockroom po create PO-1011 --supplier \"Acme Fasteners\" BOLT-1=100 NUT-M8=200'.")
    int create(@Parameters(index = "0", paramLabel = "NUMBER", description = "The order's number, e.g. PO-1011; "
                       + "never changes.") String number,
               @Parameters(index = "1..*", arity = "1..*", paramLabel = "SKU=QUANTITY",
                       converter = SkuQuantity.Converter.class,
                       description = "What is ordered, one per product, e.g. BOLT-1=100.") List<SkuQuantity> lines,
               @Option(names = "--supplier", required = true, paramLabel = "NAME", description = "Who it is ordered from.")
               String supplier,
               @Option(names = "--expected", paramLabel = "DATE", description = "When the goods are expected, e.g. "
                       + "2026-12-15.") LocalDate expectedOn,
               @Option(names = "--note", paramLabel = "TEXT", description = "A note for whoever receives it.")
               String note,
               @Option(names = "--allow-over-receipt",
                       description = "Let deliveries bring more than was ordered (refused otherwise).")
               boolean allowOverReceipt) {
        NewPurchaseOrder order = new NewPurchaseOrder(number, supplier, expectedOn, note,
                allowOverReceipt ? Boolean.TRUE : null,
                lines.stream().map(line -> new NewPurchaseOrder.Line(line.sku(), line.quantity())).toList());
        PurchaseOrder created = stockroom.client().purchaseOrders().create(order, stockroom.idempotencyKey()).value();
        stockroom.output().result(created, "Created purchase order " + created.number() + " (" + created.supplier()
                + ", " + created.lines().size() + " line" + (created.lines().size() == 1 ? "" : "s") + ").");
        return ExitCode.OK;
    }

    @Command(name = "list", description = "List purchase orders, newest first, one page at a time unless --all "
            + "is given.")
    int list(@Option(names = "--status", paramLabel = "STATUS",
                     description = "Only orders in this status: ${COMPLETION-CANDIDATES}.") PurchaseOrderStatus status,
             @Option(names = "--supplier", paramLabel = "TEXT", description = "Only orders whose supplier contains TEXT.")
             String supplier,
             @Mixin PageOptions paging) {
        StockroomClient client = stockroom.client();
        PurchaseOrderQuery query = new PurchaseOrderQuery(status, supplier, paging.limit(), null);
        Output output = stockroom.output();
        paging.show(output, after -> client.purchaseOrders().list(query.withAfter(after)), "purchase orders",
                orders -> table(orders, output));
        return ExitCode.OK;
    }

    @Command(name = "show", description = "Show a purchase order: its lines (ordered, received, outstanding) and "
            + "its deliveries.")
    int show(@Parameters(paramLabel = "NUMBER", description = "The order.") String number) {
        PurchaseOrder order = stockroom.client().purchaseOrders().get(number).value();
        Output output = stockroom.output();
        if (output.json()) {
            output.json(order);
            return ExitCode.OK;
        }
        output.details(details(order, output));
        output.line("");
        output.table(lines(order));
        if (!order.receipts().isEmpty()) {
            output.line("");
            output.table(receipts(order.receipts(), output));
        }
        return ExitCode.OK;
    }

    @Command(name = "receive", description = "Receive a delivery against a purchase order (clerks): one RECEIVE "
            + "per line into the location, e.g. 'stockroom po receive PO-1011 --to MAIN BOLT-1=10 NUT-M8=20'. "
            + "Refused as a whole if any line brings more than is outstanding, unless the order allows it.")
    int receive(@Parameters(index = "0", paramLabel = "NUMBER", description = "The order.") String number,
                @Parameters(index = "1..*", arity = "1..*", paramLabel = "SKU=QUANTITY",
                        converter = SkuQuantity.Converter.class,
                        description = "What arrived, e.g. BOLT-1=10.") List<SkuQuantity> lines,
                @Option(names = "--to", required = true, paramLabel = "LOCATION", description = "Where the goods go.")
                String to,
                @Option(names = "--reference", paramLabel = "TEXT",
                        description = "The delivery's own reference, e.g. the supplier's delivery note.")
                String reference) {
        StockroomClient client = stockroom.client();
        NewReceipt delivery = new NewReceipt(to,
                lines.stream().map(line -> new NewReceipt.Line(line.sku(), line.quantity())).toList(), reference);
        PurchaseReceipt receipt = client.purchaseOrders().receive(number, delivery, stockroom.idempotencyKey());
        Output output = stockroom.output();
        if (output.json()) {
            output.json(receipt);
            return ExitCode.OK;
        }
        output.line("Received " + received(receipt) + " at " + receipt.location() + " against " + receipt.order()
                + " (receipt " + receipt.id() + ").");
        PurchaseOrder order = client.purchaseOrders().get(number).value();
        output.line("Purchase order " + order.number() + " is " + order.status() + ".");
        output.table(lines(order));
        return ExitCode.OK;
    }

    @Command(name = "cancel", description = "Cancel an OPEN purchase order (managers): what arrived stays, the "
            + "rest is no longer expected. Refused if a delivery is received at the same moment.")
    int cancel(@Parameters(paramLabel = "NUMBER", description = "The order.") String number) {
        StockroomClient client = stockroom.client();
        Versioned<PurchaseOrder> current = client.purchaseOrders().get(number);
        PurchaseOrder cancelled = client.purchaseOrders().cancel(number, current.etag()).value();
        stockroom.output().result(cancelled, "Cancelled purchase order " + cancelled.number() + "; "
                + (cancelled.receipts().isEmpty() ? "nothing had arrived." : "what arrived stays received."));
        return ExitCode.OK;
    }

    /** "10 BOLT-1, 20 NUT-M8". */
    static String received(PurchaseReceipt receipt) {
        return receipt.lines().stream().map(line -> line.quantity().toPlainString() + " " + line.sku())
                .collect(Collectors.joining(", "));
    }

    static Table table(List<PurchaseOrderSummary> orders, Output output) {
        Table table = new Table().left("NUMBER").left("SUPPLIER").left("STATUS").left("EXPECTED").left("CREATED")
                .left("BY");
        for (PurchaseOrderSummary order : orders) {
            table.row(order.number(), order.supplier(), order.status(),
                    order.expectedOn() == null ? "" : order.expectedOn(), output.time(order.createdAt()),
                    order.createdBy());
        }
        return table;
    }

    static Table lines(PurchaseOrder order) {
        Table table = new Table().left("SKU").left("NAME").right("ORDERED").right("RECEIVED").right("OUTSTANDING")
                .left("UNIT");
        for (PurchaseOrder.Line line : order.lines()) {
            table.row(line.sku(), line.name(), line.ordered().toPlainString(), line.received().toPlainString(),
                    line.outstanding().toPlainString(), line.unitOfMeasure());
        }
        return table;
    }

    static Table receipts(List<PurchaseReceipt> receipts, Output output) {
        Table table = new Table().right("RECEIPT").left("WHEN").left("LOCATION").left("BY").left("REFERENCE")
                .left("RECEIVED");
        for (PurchaseReceipt receipt : receipts) {
            table.row(receipt.id(), output.time(receipt.receivedAt()), receipt.location(), receipt.receivedBy(),
                    receipt.reference(), received(receipt));
        }
        return table;
    }

    static Map<String, Object> details(PurchaseOrder order, Output output) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("Number", order.number());
        details.put("Supplier", order.supplier());
        details.put("Status", order.status());
        details.put("Expected", order.expectedOn());
        details.put("Over-receipt", order.allowOverReceipt() ? "allowed" : "refused");
        details.put("Note", order.note());
        details.put("Created", output.time(order.createdAt()) + " by " + order.createdBy());
        details.put("Updated", output.time(order.updatedAt()));
        details.put("Version", order.version());
        return details;
    }
}
