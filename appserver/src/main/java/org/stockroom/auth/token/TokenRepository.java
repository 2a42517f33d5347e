package org.stockroom.auth.token;

import org.stockroom.security.Role;
import org.stockroom.security.Session;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Issued bearer tokens, known only by their SHA-256 ({@link BearerTokens#hash}). */
public interface TokenRepository {

    /** Stores a token of the user, valid for {@code ttl} from now; returns its session, with when it expires. */
    Session add(String tokenHash, long userId, String username, Role role, Duration ttl);

    /** The session of a token that exists, has not expired, is not revoked, and whose user is not disabled. */
    Optional<Session> findActive(String tokenHash);

    /**
     * Which of these token hashes still stand for a session: not expired, not revoked, their user
     * not disabled. One query for all of them (the event streams check their tokens so).
     */
    Set<String> activeAmong(Collection<String> tokenHashes);

    /** Revokes the token now; false if it was not active. */
    boolean revoke(String tokenHash);

    /** Revokes every active token of the user now (disabled, password changed); how many there were. */
    int revokeAll(long userId);

    /** Deletes the user's tokens that expired or were revoked longer than {@code ago} ago; how many. */
    int deleteEnded(long userId, Duration ago);
}
