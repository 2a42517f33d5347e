package org.stockroom.auth.password;

import java.time.Duration;
import java.util.Optional;

/**
 * A count of failed log-ins in one fixed window, as read from {@code login_failure}: the window
 * began {@code age} ago (by the database's clock, so that all app servers agree).
 */
record FailureWindow(FailureScope scope, int failures, Duration age) {

    /**
     * How long this window still refuses log-ins: from its {@code limit}-th failure until it
     * ends. Empty when it lets them through: under the limit, or ended (the next failure starts
     * a new window), or no limit (0).
     */
    Optional<Duration> refusesFor(int limit, Duration length) {
        if (limit <= 0 || failures < limit || age.compareTo(length) >= 0) {
            return Optional.empty();
        }
        return Optional.of(length.minus(age.isNegative() ? Duration.ZERO : age));
    }
}
