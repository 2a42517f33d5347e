package org.stockroom.reservation;

import org.stockroom.rules.RuleViolation;

import java.util.LinkedHashMap;
import java.util.Map;

/** A CONSUMED, RELEASED or EXPIRED reservation holds nothing: it cannot be released or issued from. */
public class ReservationClosedException extends RuleViolation {

    private final Long id;
    private final ReservationStatus status;

    public ReservationClosedException(Long id, ReservationStatus status) {
        super("Reservation " + id + " is " + status + ": it holds no stock any more");
        this.id = id;
        this.status = status;
    }

    @Override
    public Rule rule() {
        return Rule.RESERVATION_CLOSED;
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (id != null) {
            facts.put("reservation", id);
        }
        facts.put("status", status.name());
        return facts;
    }

    public ReservationStatus status() {
        return status;
    }
}
