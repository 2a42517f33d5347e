package org.stockroom.lot;

import org.stockroom.rules.RuleViolation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A movement gives a lot another expiry date than the one it has: a lot has one, for good. */
public class LotExpiryMismatchException extends RuleViolation {

    private final String sku;
    private final String lot;
    private final LocalDate expiresOn;

    public LotExpiryMismatchException(String sku, String lot, LocalDate expiresOn, LocalDate given) {
        super("Lot " + lot + " of " + sku + (expiresOn == null ? " does not expire" : " expires on " + expiresOn)
                + ", not on " + given + "; give its expiry date or none");
        this.sku = sku;
        this.lot = lot;
        this.expiresOn = expiresOn;
    }

    @Override
    public Rule rule() {
        return Rule.LOT_EXPIRY_MISMATCH;
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("sku", sku);
        facts.put("lot", lot);
        if (expiresOn != null) {
            facts.put("expiresOn", expiresOn.toString());
        }
        return facts;
    }
}
