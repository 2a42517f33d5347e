package org.stockroom.rules;

import java.util.Map;

/**
 * An edit was based on a version that someone else has changed since: the client reads the
 * thing again ({@code currentVersion} is what it would get) and reapplies its edit.
 */
public class StaleEditException extends RuleViolation {

    private final long currentVersion;

    public StaleEditException(String message, long currentVersion) {
        super(message);
        this.currentVersion = currentVersion;
    }

    @Override
    public Rule rule() {
        return Rule.EDIT_CONFLICT;
    }

    public long currentVersion() {
        return currentVersion;
    }

    @Override
    public Map<String, Object> facts() {
        return Map.of("currentEtag", "\"" + currentVersion + "\"");
    }
}
