package org.stockroom.reservation;

/** Where a reservation is in its life: it holds stock only while OPEN, and closes once. */
public enum ReservationStatus {
    /** Holds its remaining quantity until its expiry. */
    OPEN,
    /** ISSUEs that named it took all it held. */
    CONSUMED,
    /** A clerk released what it still held (or a stocktake found the stock gone). */
    RELEASED,
    /** Its expiry passed while it still held stock, which is available again. */
    EXPIRED
}
