package org.stockroom.client;

import org.stockroom.client.model.Location;
import org.stockroom.client.model.NewLocation;

import java.util.List;

/** The places stock is kept: {@code /locations}. From {@link StockroomClient#locations()}. */
public final class Locations {

    /** The largest page the server gives. */
    private static final int MAX_PAGE = 500;

    private final Transport transport;

    Locations(Transport transport) {
        this.transport = transport;
    }

    /** Creates a location; sent once, see {@link #create(NewLocation, String)}. */
    public Location create(NewLocation location) {
        return transport.send(Call.post("/locations", location), Location.class);
    }

    /** Creates a location, retried as the {@link RetryPolicy} allows with the same key on every attempt. */
    public Location create(NewLocation location, String idempotencyKey) {
        return transport.send(Call.post("/locations", location).idempotencyKey(idempotencyKey), Location.class);
    }

    /** One page of locations; {@code limit} and {@code after} may be null. */
    public Page<Location> list(Integer limit, String after) {
        return transport.page("/locations" + new QueryString().page(limit, after), Location.class);
    }

    /** Every location, page after page of the largest size the server gives. */
    public List<Location> all() {
        return Page.allFrom(null, after -> list(MAX_PAGE, after)).items();
    }

    public Location get(String code) {
        return transport.send(Call.get("/locations" + QueryString.segment(code)), Location.class);
    }
}
