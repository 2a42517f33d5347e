package org.stockroom.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.stockroom.audit.AuditTrail;
import org.stockroom.problem.ConflictException;
import org.stockroom.problem.ProblemTypes;
import org.stockroom.problem.UnauthorizedException;

import java.time.Duration;
import java.util.Optional;

import static org.stockroom.api.Jsonp.JSON;

/**
 * The short transactions of log-in and of a user's own password change. {@link AuthService}
 * does the slow password hashing between them, holding no database connection; so each write
 * here first re-reads the user, locked, and goes on only if nothing changed meanwhile.
 */
@ApplicationScoped
public class CredentialStore {

    static final Duration ENDED_TOKENS_KEPT_FOR = Duration.ofDays(1);

    private final UserRepository users;
    private final TokenRepository tokens;
    private final AuditTrail audit;

    @Inject
    public CredentialStore(UserRepository users, TokenRepository tokens, AuditTrail audit) {
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
    }

    @Transactional
    public Optional<UserAccount> accountOf(String username) {
        return users.findByUsername(username);
    }

    /**
     * Stores a token for the user whose password was just verified, and the stronger hash of
     * that password if there is one; 401 if the user was disabled or its password changed since.
     */
    @Transactional
    public Session issueToken(UserAccount verified, Optional<String> strongerHash, String tokenHash, Duration ttl) {
        UserAccount current = unchangedSince(verified)
                .orElseThrow(() -> new UnauthorizedException(AuthService.WRONG_CREDENTIALS));
        strongerHash.ifPresent(hash -> users.rehash(current.id(), verified.passwordHash(), hash));
        // Tidy up as we go: a user's ended tokens (expired or revoked; least() skips a null) are kept
        // a day, to see what was used when, then dropped.
        tokens.deleteEnded(current.id(), ENDED_TOKENS_KEPT_FOR);
        return tokens.add(tokenHash, current, ttl);
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
        audit.record("user.password_changed", "user", current.username(), JSON.createObjectBuilder().build());
    }

    /** The user, locked, if it is still enabled and its password has not changed since {@code seen} was read. */
    private Optional<UserAccount> unchangedSince(UserAccount seen) {
        return users.findByUsernameForUpdate(seen.username())
                .filter(current -> current.id() == seen.id() && !current.disabled()
                        && current.passwordChangedAt().equals(seen.passwordChangedAt()));
    }
}
