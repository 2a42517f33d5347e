package org.stockroom.location;

import java.time.Instant;

/** A location as the API shows it. */
public record LocationView(String code, String name, Instant createdAt) {

    static LocationView of(Location location) {
        return new LocationView(location.code(), location.name(), location.createdAt());
    }
}
