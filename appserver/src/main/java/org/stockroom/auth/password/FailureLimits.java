package org.stockroom.auth.password;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * How many failed log-ins each scope allows per window (0: no limit), and the window's length.
 * A log-in is refused while any of its windows is full, until the last of them ends.
 */
record FailureLimits(int perUserAndAddress, int perAddress, int perUser, Duration window) {

    FailureLimits {
        if (perUserAndAddress < 0 || perAddress < 0 || perUser < 0) {
            throw new IllegalArgumentException("a failed log-in limit cannot be negative");
        }
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("the failed log-in window must be positive: " + window);
        }
    }

    int of(FailureScope scope) {
        return switch (scope) {
            case USER_AND_ADDRESS -> perUserAndAddress;
            case ADDRESS -> perAddress;
            case USER -> perUser;
        };
    }

    /** The longest wait among the full windows; empty when none is full. */
    Optional<Refusal> refusal(Collection<FailureWindow> windows) {
        Refusal longest = null;
        for (FailureWindow window : windows) {
            Optional<Duration> wait = window.refusesFor(of(window.scope()), this.window);
            if (wait.isPresent() && (longest == null || wait.get().compareTo(longest.waitFor()) > 0)) {
                longest = new Refusal(window.scope(), wait.get());
            }
        }
        return Optional.ofNullable(longest);
    }

    /** Refused because of this scope's window, for this long. */
    record Refusal(FailureScope scope, Duration waitFor) {

        /** Whole seconds, rounded up, at least 1: a client that waits this long is let through. */
        long retryAfterSeconds() {
            long millis = waitFor.toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }
}
