package org.stockroom.location;

/** The fact that a location was created (fired as a CDI event inside its transaction). */
public record LocationCreated(Location location) {
}
