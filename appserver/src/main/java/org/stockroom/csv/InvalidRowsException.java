package org.stockroom.csv;

import org.stockroom.rules.RuleViolation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An import refused as a whole because some of its rows break the rules: nothing was written.
 * It lists the first {@link #MAX_LISTED} bad rows in line order and says how many there are.
 */
public class InvalidRowsException extends RuleViolation {

    /** The most errors the answer lists; {@code errorCount} says how many there were in all. */
    public static final int MAX_LISTED = 100;

    private final List<RowError> errors;
    private final long errorCount;

    public InvalidRowsException(List<RowError> errors, long errorCount) {
        super(describe(errors, errorCount));
        this.errors = List.copyOf(errors.subList(0, Math.min(errors.size(), MAX_LISTED)));
        this.errorCount = errorCount;
    }

    private static String describe(List<RowError> errors, long count) {
        if (count == 1) {
            RowError error = errors.getFirst();
            return "Line " + error.line() + (error.column() == null ? "" : ", column " + error.column()) + ": "
                    + error.reason() + "; nothing was imported";
        }
        return count + " errors in the file" + (count > MAX_LISTED ? " (the first " + MAX_LISTED + " are listed)" : "")
                + "; nothing was imported";
    }

    @Override
    public Rule rule() {
        return Rule.INVALID_ROWS;
    }

    public List<RowError> errors() {
        return errors;
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("errorCount", errorCount);
        facts.put("errors", errors);
        return facts;
    }
}
