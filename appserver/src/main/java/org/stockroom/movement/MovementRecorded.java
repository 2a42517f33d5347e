package org.stockroom.movement;

/** The fact that a movement was recorded (fired as a CDI event inside the movement's transaction). */
public record MovementRecorded(StockMovement movement) {
}
