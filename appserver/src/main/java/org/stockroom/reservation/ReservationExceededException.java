package org.stockroom.reservation;

import org.stockroom.rules.RuleViolation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** An issue against a reservation asks for more than the reservation still holds. */
public class ReservationExceededException extends RuleViolation {

    private final Long id;
    private final BigDecimal remaining;
    private final BigDecimal requested;

    public ReservationExceededException(Long id, BigDecimal remaining, BigDecimal requested) {
        super("Reservation " + id + " holds " + remaining.toPlainString() + ", " + requested.toPlainString()
                + " requested: issue at most what it holds, and the rest without the reservation");
        this.id = id;
        this.remaining = remaining;
        this.requested = requested;
    }

    @Override
    public Rule rule() {
        return Rule.RESERVATION_EXCEEDED;
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (id != null) {
            facts.put("reservation", id);
        }
        facts.put("remaining", remaining);
        facts.put("requested", requested);
        return facts;
    }
}
