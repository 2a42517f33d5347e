package org.stockroom.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.stockroom.csv.ImportCompleted;
import org.stockroom.csv.ImportSummary;
import org.stockroom.location.LocationCreated;
import org.stockroom.movement.MovedLot;
import org.stockroom.movement.MovementRecorded;
import org.stockroom.movement.StockMovement;
import org.stockroom.product.ProductArchived;
import org.stockroom.product.ProductCreated;
import org.stockroom.product.ProductDetails;
import org.stockroom.product.ProductRevised;
import org.stockroom.purchasing.PurchaseOrder;
import org.stockroom.purchasing.PurchaseOrderCancelled;
import org.stockroom.purchasing.PurchaseOrderCreated;
import org.stockroom.purchasing.PurchaseOrderLine;
import org.stockroom.purchasing.PurchaseOrderReceived;
import org.stockroom.purchasing.PurchaseReceipt;
import org.stockroom.purchasing.PurchaseReceiptLine;
import org.stockroom.reservation.Reservation;
import org.stockroom.reservation.ReservationConsumed;
import org.stockroom.reservation.ReservationExpired;
import org.stockroom.reservation.ReservationMade;
import org.stockroom.reservation.ReservationReleased;
import org.stockroom.stocktake.Quantities;
import org.stockroom.stocktake.Stocktake;
import org.stockroom.stocktake.StocktakeCancelled;
import org.stockroom.stocktake.StocktakeCounted;
import org.stockroom.stocktake.StocktakeLine;
import org.stockroom.stocktake.StocktakeOpened;
import org.stockroom.stocktake.StocktakePosted;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

import static org.stockroom.api.Jsonp.JSON;

/**
 * Writes the facts the catalogue and the ledger announce to the audit trail, and decides what
 * the trail keeps of each. The services fire the facts as synchronous CDI events: the observer
 * runs on their thread, inside their transaction ({@link AuditTrail#record} insists on one), so
 * the event and the change commit or roll back together. The features do not depend on this
 * package; it depends on them.
 */
@ApplicationScoped
public class AuditedFacts {

    private final AuditTrail trail;

    @Inject
    public AuditedFacts(AuditTrail trail) {
        this.trail = trail;
    }

    void productCreated(@Observes ProductCreated fact) {
        trail.record("product.created", "product", fact.product().sku(), detailsOf(fact.product().details()));
    }

    void productRevised(@Observes ProductRevised fact) {
        trail.record("product.revised", "product", fact.product().sku(),
                JSON.createObjectBuilder(changes(fact.before(), fact.product().details()))
                        .add("version", fact.product().version()).build());
    }

    void productArchived(@Observes ProductArchived fact) {
        trail.record("product.archived", "product", fact.product().sku(), JsonValue.EMPTY_JSON_OBJECT);
    }

    void locationCreated(@Observes LocationCreated fact) {
        trail.record("location.created", "location", fact.location().code(),
                JSON.createObjectBuilder().add("name", fact.location().name()).build());
    }

    /** One event per import, not per row: what the file was and what it did (the rows are in the tables it wrote). */
    void importCompleted(@Observes ImportCompleted fact) {
        ImportSummary summary = fact.summary();
        trail.record("import.completed", "import", Long.toString(summary.batch()), JSON.createObjectBuilder()
                .add("kind", summary.kind())
                .add("sha256", summary.sha256())
                .add("bytes", summary.bytes())
                .add("rowsRead", summary.rowsRead())
                .add("created", summary.created())
                .add("updated", summary.updated())
                .add("unchanged", summary.unchanged())
                .build());
    }

    void movementRecorded(@Observes MovementRecorded fact) {
        StockMovement movement = fact.movement();
        trail.record("movement.recorded", "movement", movement.id().toString(), detailsOf(movement));
    }

    void purchaseOrderCreated(@Observes PurchaseOrderCreated fact) {
        trail.record("purchase_order.created", "purchase_order", fact.order().number(), detailsOf(fact.order()));
    }

    void purchaseOrderReceived(@Observes PurchaseOrderReceived fact) {
        trail.record("purchase_order.received", "purchase_order", fact.order().number(),
                detailsOf(fact.receipt(), fact.order()));
    }

    void purchaseOrderCancelled(@Observes PurchaseOrderCancelled fact) {
        JsonArrayBuilder closed = JSON.createArrayBuilder();
        for (PurchaseOrderLine line : fact.order().lines()) {
            closed.add(JSON.createObjectBuilder()
                    .add("sku", line.product().sku())
                    .add("ordered", line.product().inItsUnit(line.quantityOrdered()))
                    .add("received", line.product().inItsUnit(line.quantityReceived())));
        }
        trail.record("purchase_order.cancelled", "purchase_order", fact.order().number(),
                JSON.createObjectBuilder().add("lines", closed).build());
    }

    /** A new order: its supplier, switch, date and lines; absent fields left out. */
    static JsonObject detailsOf(PurchaseOrder order) {
        JsonArrayBuilder lines = JSON.createArrayBuilder();
        for (PurchaseOrderLine line : order.lines()) {
            lines.add(JSON.createObjectBuilder()
                    .add("sku", line.product().sku())
                    .add("quantity", line.product().inItsUnit(line.quantityOrdered())));
        }
        JsonObjectBuilder details = JSON.createObjectBuilder()
                .add("supplier", order.supplier())
                .add("allowOverReceipt", order.allowsOverReceipt());
        addIfPresent(details, "expectedOn", order.expectedOn() == null ? null : order.expectedOn().toString());
        addIfPresent(details, "note", order.note());
        return details.add("lines", lines).build();
    }

    /** A delivery: where it went, what it brought (each line with the movement it wrote), and the order's status after it. */
    static JsonObject detailsOf(PurchaseReceipt receipt, PurchaseOrder order) {
        JsonArrayBuilder lines = JSON.createArrayBuilder();
        for (PurchaseReceiptLine line : receipt.lines()) {
            lines.add(JSON.createObjectBuilder()
                    .add("sku", line.movement().product().sku())
                    .add("quantity", line.movement().product().inItsUnit(line.quantity()))
                    .add("movementId", line.movement().id()));
        }
        JsonObjectBuilder details = JSON.createObjectBuilder()
                .add("receiptId", receipt.id())
                .add("location", receipt.location().code());
        addIfPresent(details, "reference", receipt.reference());
        return details.add("lines", lines).add("status", order.status().name()).build();
    }

    void stocktakeOpened(@Observes StocktakeOpened fact) {
        Stocktake stocktake = fact.stocktake();
        JsonObjectBuilder details = JSON.createObjectBuilder().add("location", stocktake.location().code());
        stocktake.skus().ifPresent(skus -> details.add("skus", JSON.createArrayBuilder(skus)));
        trail.record("stocktake.opened", "stocktake", Long.toString(stocktake.id()), details.build());
    }

    void stocktakeCounted(@Observes StocktakeCounted fact) {
        StocktakeLine line = fact.line();
        trail.record("stocktake.counted", "stocktake", Long.toString(line.stocktake().id()), detailsOf(line));
    }

    void stocktakePosted(@Observes StocktakePosted fact) {
        Stocktake stocktake = fact.stocktake();
        JsonArrayBuilder adjustments = JSON.createArrayBuilder();
        stocktake.lines().stream().filter(line -> line.movement().isPresent()).forEach(line -> adjustments.add(
                JSON.createObjectBuilder()
                        .add("sku", line.sku())
                        .add("quantity", Quantities.plain(line.difference()))
                        .add("movement", line.movement().get())));
        trail.record("stocktake.posted", "stocktake", Long.toString(stocktake.id()), JSON.createObjectBuilder()
                .add("location", stocktake.location().code())
                .add("adjustments", adjustments)
                .build());
    }

    void stocktakeCancelled(@Observes StocktakeCancelled fact) {
        Stocktake stocktake = fact.stocktake();
        trail.record("stocktake.cancelled", "stocktake", Long.toString(stocktake.id()),
                JSON.createObjectBuilder().add("location", stocktake.location().code()).build());
    }

    void reservationMade(@Observes ReservationMade fact) {
        Reservation reservation = fact.reservation();
        trail.record("reservation.made", "reservation", Long.toString(reservation.id()), detailsOf(reservation));
    }

    void reservationReleased(@Observes ReservationReleased fact) {
        trail.record("reservation.released", "reservation", Long.toString(fact.reservation().id()),
                changeOf(fact.reservation(), fact.quantity()).add("reason", fact.reason()).build());
    }

    void reservationConsumed(@Observes ReservationConsumed fact) {
        trail.record("reservation.consumed", "reservation", Long.toString(fact.reservation().id()),
                changeOf(fact.reservation(), fact.quantity()).add("movement", fact.movementId()).build());
    }

    /** Expiry is the server's doing, whoever's request (or the sweep) came across it. */
    void reservationExpired(@Observes ReservationExpired fact) {
        trail.recordBySystem("reservation.expired", "reservation", Long.toString(fact.reservation().id()),
                changeOf(fact.reservation(), fact.quantity()).build());
    }

    /** A new reservation: what, where, how much, for what and until when. */
    static JsonObject detailsOf(Reservation reservation) {
        return JSON.createObjectBuilder()
                .add("sku", reservation.product().sku())
                .add("location", reservation.location().code())
                .add("quantity", reservation.product().inItsUnit(reservation.quantity()))
                .add("reference", reservation.reference())
                .add("expiresAt", reservation.expiresAt().toString())
                .build();
    }

    /** A change of what a reservation holds: by how much, what it holds after, and its status after. */
    private static JsonObjectBuilder changeOf(Reservation reservation, BigDecimal quantity) {
        return JSON.createObjectBuilder()
                .add("quantity", reservation.product().inItsUnit(quantity))
                .add("remaining", reservation.product().inItsUnit(reservation.remaining()))
                .add("status", reservation.status().name());
    }

    /** Every field of a new product as JSON, nulls included. */
    static JsonObject detailsOf(ProductDetails details) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        details.fields().forEach((field, value) -> json.add(field, jsonValue(value)));
        return json.build();
    }

    /** {@code before} and {@code after} of only the fields that changed (both empty when nothing did). */
    static JsonObject changes(ProductDetails original, ProductDetails revised) {
        JsonObjectBuilder before = JSON.createObjectBuilder();
        JsonObjectBuilder after = JSON.createObjectBuilder();
        Map<String, Object> revisedFields = revised.fields();
        original.fields().forEach((field, value) -> {
            Object revisedValue = revisedFields.get(field);
            if (!sameValue(value, revisedValue)) {
                before.add(field, jsonValue(value));
                after.add(field, jsonValue(revisedValue));
            }
        });
        return JSON.createObjectBuilder().add("before", before).add("after", after).build();
    }

    /** All of a movement, by SKU and location codes; absent fields left out. */
    static JsonObject detailsOf(StockMovement movement) {
        JsonObjectBuilder details = JSON.createObjectBuilder()
                .add("type", movement.type().name())
                .add("sku", movement.product().sku())
                .add("quantity", movement.product().inItsUnit(movement.quantity()));
        addIfPresent(details, "from", movement.from() == null ? null : movement.from().code());
        addIfPresent(details, "to", movement.to() == null ? null : movement.to().code());
        addIfPresent(details, "reason", movement.reason());
        addIfPresent(details, "reference", movement.reference());
        if (!movement.lots().isEmpty()) {
            JsonArrayBuilder lots = JSON.createArrayBuilder();
            for (MovedLot moved : movement.lots()) {
                JsonObjectBuilder lot = JSON.createObjectBuilder().add("lot", moved.lot().number());
                addIfPresent(lot, "expiresOn", moved.lot().expiresOn() == null ? null : moved.lot().expiresOn().toString());
                lots.add(lot.add("quantity", movement.product().inItsUnit(moved.quantity())));
            }
            details.add("lots", lots);
        }
        return details.build();
    }

    /** A count: the SKU, what was counted and expected, and their difference. */
    static JsonObject detailsOf(StocktakeLine line) {
        JsonObjectBuilder details = JSON.createObjectBuilder()
                .add("sku", line.sku())
                .add("counted", Quantities.plain(line.counted()))
                .add("expected", Quantities.plain(line.expected()))
                .add("difference", Quantities.plain(line.difference()));
        line.expectedAfterMovement().ifPresent(movement -> details.add("expectedAfterMovement", movement));
        return details.build();
    }

    private static void addIfPresent(JsonObjectBuilder details, String name, String value) {
        if (value != null) {
            details.add(name, value);
        }
    }

    private static JsonValue jsonValue(Object value) {
        return switch (value) {
            case null -> JsonValue.NULL;
            case Integer number -> JSON.createValue(number);
            case Boolean flag -> flag ? JsonValue.TRUE : JsonValue.FALSE;
            case BigDecimal number -> JSON.createValue(number);
            default -> JSON.createValue(value.toString());
        };
    }

    /** Equal values; 5 and 5.000 are the same quantity. */
    private static boolean sameValue(Object value, Object other) {
        if (value instanceof BigDecimal number && other instanceof BigDecimal otherNumber) {
            return number.compareTo(otherNumber) == 0;
        }
        return Objects.equals(value, other);
    }
}
