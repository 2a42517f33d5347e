package org.stockroom.csv;

import org.stockroom.rules.RuleViolation;

/** The same file is being imported by another request right now: one of them wins, this one is refused. */
public class ImportInProgressException extends RuleViolation {

    public ImportInProgressException(ImportKind kind) {
        super("This file is being imported as " + kind.apiName() + " by another request right now;"
                + " send it again once that one has finished (it will then be recognised as already imported)");
    }

    @Override
    public Rule rule() {
        return Rule.IMPORT_IN_PROGRESS;
    }
}
