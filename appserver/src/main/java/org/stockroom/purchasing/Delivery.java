package org.stockroom.purchasing;

import java.util.List;

/** A validated request to receive a delivery: into the location with that code, with an optional outside reference. */
public record Delivery(String location, List<DeliveredQuantity> lines, String reference) {
}
