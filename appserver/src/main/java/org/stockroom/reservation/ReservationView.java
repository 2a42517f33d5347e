package org.stockroom.reservation;

import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.math.BigDecimal;
import java.time.Instant;

/** A reservation as the API shows it, with the SKU and location code. */
@JsonbNillable
@Schema(description = "Stock held at a location for a reference", properties = {
        @SchemaProperty(name = "id", description = "Assigned by the server"),
        @SchemaProperty(name = "quantity", description = "What was reserved, in the product's unit's decimal places"),
        @SchemaProperty(name = "remaining", description = "What it still holds: quantity less what ISSUEs took; 0 once "
                + "it is not OPEN"),
        @SchemaProperty(name = "status", enumeration = {"OPEN", "CONSUMED", "RELEASED", "EXPIRED"},
                description = "OPEN holds 'remaining'; CONSUMED: ISSUEs took all of it; RELEASED by a clerk (or "
                        + "shortened to nothing by a stocktake); EXPIRED: its expiry passed while it held stock"),
        @SchemaProperty(name = "expiresAt", description = "When it stops holding stock"),
        @SchemaProperty(name = "createdBy", description = "The clerk who made it"),
        @SchemaProperty(name = "version", description = "Changes with every issue against it, its release and its "
                + "expiry; the ETag")})
public record ReservationView(long id, String sku, String location, String reference, BigDecimal quantity,
                              BigDecimal remaining, ReservationStatus status, Instant expiresAt, Instant createdAt,
                              String createdBy, long version) {

    /** The reservation as it stands at {@code now}: past its expiry it is EXPIRED, holding nothing, swept or not. */
    public static ReservationView of(Reservation r, Instant now) {
        return new ReservationView(r.id(), r.product().sku(), r.location().code(), r.reference(),
                r.product().inItsUnit(r.quantity()), r.product().inItsUnit(r.remainingAt(now)), r.statusAt(now),
                r.expiresAt(), r.createdAt(), r.createdBy(), r.version());
    }
}
