package org.stockroom.cli;

import picocli.CommandLine.Option;

import java.time.Instant;

/** {@code --since WHEN}, for the lists that are kept in time order (movements, audit). */
public final class SinceOption {

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Only entries at or after WHEN: a date (2025-11-21), a local time (2025-11-21T08:00) "
                    + "or an instant (2025-11-21T07:00:00Z).")
    Instant since;

    /** The instant given, or null for no lower bound. */
    public Instant since() {
        return since;
    }
}
