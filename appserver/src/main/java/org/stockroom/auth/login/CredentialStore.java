package org.stockroom.auth.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.stockroom.audit.AuditTrail;
import org.stockroom.auth.password.LoginThrottle;
import org.stockroom.auth.token.SessionCache;
import org.stockroom.auth.token.TokenRepository;
import org.stockroom.auth.user.UserAccount;
import org.stockroom.auth.user.UserRepository;
import org.stockroom.problem.ConflictException;
import org.stockroom.problem.ProblemTypes;
import org.stockroom.problem.UnauthorizedException;
import org.stockroom.resilience.Resilient;
import org.stockroom.security.Session;

import java.time.Duration;
import java.util.Optional;

import static org.stockroom.api.Jsonp.JSON;

/**
 * The short transactions of log-in and of a user's own password change. {@link AuthService}
 * does the slow password hashing between them, holding no database connection; so each write
 * here first re-reads the user, locked, and goes on only if nothing changed meanwhile.
 *
 * <p>Each method is a unit of database work of its own ({@code @Resilient}: bulkhead, breaker,
 * retry): the hashing between them holds no place in the database bulkhead, and a retry re-runs
 * one short transaction, never the hashing.
 */
@Resilient
@ApplicationScoped
public class CredentialStore {

    static final Duration ENDED_TOKENS_KEPT_FOR = Duration.ofDays(1);

    private final UserRepository users;
    private final TokenRepository tokens;
    private final AuditTrail audit;
    private final LoginThrottle throttle;
    private final SessionCache sessions;

    @Inject
    public CredentialStore(UserRepository users, TokenRepository tokens, AuditTrail audit, LoginThrottle throttle,
                           SessionCache sessions) {
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    /**
     * The user who is to prove its password from this address, if it exists; 429 first, without
     * reading the user, if too many such attempts failed (so a refused guess costs no hashing).
     */
    @Transactional
    public Optional<UserAccount> accountToVerify(String username, String address) {
        throttle.refuseIfThrottled(username, address);
        return users.findByUsername(username);
    }

    /** Counts a wrong password (or an unknown or disabled user) against this user name and address. */
    @Transactional
    public void recordFailure(String username, String address) {
        throttle.recordFailure(username, address);
    }

    /**
     * Stores a token for the user whose password was just verified from this address, and the
     * stronger hash of that password if there is one, and forgets the name's failures from the
     * address; 401 if the user was disabled or its password changed since.
     */
    @Transactional
    public Session issueToken(UserAccount verified, String address, Optional<String> strongerHash, String tokenHash,
                              Duration ttl) {
        UserAccount current = unchangedSince(verified)
                .orElseThrow(() -> new UnauthorizedException(AuthService.WRONG_CREDENTIALS));
        strongerHash.ifPresent(hash -> users.rehash(current.id(), verified.passwordHash(), hash));
        throttle.forgetFailures(verified.username(), address);
        // Tidy up as we go: a user's ended tokens (expired or revoked; least() skips a null) are kept
        // a day, to see what was used when, then dropped.
        tokens.deleteEnded(current.id(), ENDED_TOKENS_KEPT_FOR);
        return tokens.add(tokenHash, current.id(), current.username(), current.role(), ttl);
    }

    /**
     * A user's own password change (its current password just verified): stores the new hash
     * and revokes every token of the user, the one of this request too.
     */
    @Transactional
    public void changeOwnPassword(UserAccount verified, String newPasswordHash) {
        UserAccount current = unchangedSince(verified).orElseThrow(() -> new ConflictException(
                ProblemTypes.EDIT_CONFLICT, "Changed meanwhile",
                "The password or the account was changed by someone else meanwhile; log in again"));
        users.changePassword(current.id(), newPasswordHash);
        tokens.revokeAll(current.id());
        sessions.forgetAllWhenCommitted();
        audit.record("user.password_changed", "user", current.username(), JSON.createObjectBuilder().build());
    }

    /** The user, locked, if it is still enabled and its password has not changed since {@code seen} was read. */
    private Optional<UserAccount> unchangedSince(UserAccount seen) {
        return users.findByUsernameForUpdate(seen.username())
                .filter(current -> current.id() == seen.id() && !current.disabled()
                        && current.passwordChangedAt().equals(seen.passwordChangedAt()));
    }
}
