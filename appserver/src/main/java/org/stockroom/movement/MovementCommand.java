package org.stockroom.movement;

/** A validated request to record one movement; location fields hold location codes. */
public record MovementCommand(MovementType type, String sku, int quantity, String from, String to,
                              String reason, String reference) {
}
