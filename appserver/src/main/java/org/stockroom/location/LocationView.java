package org.stockroom.location;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.time.Instant;

/** A location as the API shows it. */
@Schema(description = "A place where stock is kept", properties = {
        @SchemaProperty(name = "code", description = "The identifier; never changes", example = "MAIN")})
public record LocationView(String code, String name, Instant createdAt) {

    static LocationView of(Location location) {
        return new LocationView(location.code(), location.name(), location.createdAt());
    }
}
