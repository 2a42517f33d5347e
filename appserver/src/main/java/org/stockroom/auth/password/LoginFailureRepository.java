package org.stockroom.auth.password;

import java.time.Duration;
import java.util.List;

/**
 * Failed log-ins counted in {@code login_failure}, in the caller's transaction. User names are
 * keyed as log-in compares them, by PostgreSQL's {@code lower()}; a client address as given.
 */
public interface LoginFailureRepository {

    /** The windows that hold failures of this user name from this address, of this address, and of this user name. */
    List<FailureWindow> windowsOf(String username, String address);

    /** Counts one failure in each of the three windows; a window older than {@code window} starts again at 1. */
    void recordFailure(String username, String address, Duration window);

    /** Forgets the failures of this user name from this address (after it logged in). */
    void forget(String username, String address);

    /** Deletes up to {@code limit} windows that have ended (began {@code window} ago or earlier); returns how many. */
    int deleteEnded(Duration window, int limit);
}
