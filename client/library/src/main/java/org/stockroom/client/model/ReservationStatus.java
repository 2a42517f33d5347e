package org.stockroom.client.model;

/** Where a reservation is: it holds stock only while OPEN. */
public enum ReservationStatus {
    OPEN, CONSUMED, RELEASED, EXPIRED
}
