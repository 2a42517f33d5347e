package org.stockroom.auth.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.stockroom.auth.password.LoginGate;
import org.stockroom.auth.password.LoginThrottle;
import org.stockroom.auth.password.Passwords;
import org.stockroom.auth.token.AuthenticationFilter;
import org.stockroom.auth.token.BearerTokens;
import org.stockroom.auth.token.SessionCache;
import org.stockroom.auth.token.TokenRepository;
import org.stockroom.auth.user.UserAccount;
import org.stockroom.problem.ForbiddenException;
import org.stockroom.problem.UnauthorizedException;
import org.stockroom.resilience.Resilient;
import org.stockroom.security.Session;

import java.time.Duration;
import java.util.Optional;

/**
 * Log-in with a user name and password, the bearer tokens it issues, and a user's own
 * password change. Each runs in three steps under one permit of the {@link LoginGate}: a short
 * unit of database work in {@link CredentialStore} (the user, and 429 if too many attempts
 * failed), the password work (100-200 ms of CPU) with no transaction and no place in the
 * database bulkhead, then a second short unit of database work (the token, or the failure
 * counted). Only the database steps are {@code @Resilient}, so a retry never hashes again; and
 * as log-ins hold at most the gate's permits, they hold at most that many database places.
 */
@ApplicationScoped
public class AuthService {

    /** The same for an unknown user, a wrong password and a disabled user: no user enumeration. */
    static final String WRONG_CREDENTIALS = "Wrong user name or password";

    private final CredentialStore store;
    private final TokenRepository tokens;
    private final Passwords passwords;
    private final LoginGate gate;
    private final LoginThrottle throttle;
    private final SessionCache sessions;
    private final Duration tokenTtl;
    /** Verified against when the user is unknown, so that the answer takes as long as for a known one. */
    private final String unknownUserHash;

    @Inject
    public AuthService(CredentialStore store, TokenRepository tokens, Passwords passwords, LoginGate gate,
                       LoginThrottle throttle, SessionCache sessions,
                       @ConfigProperty(name = "stockroom.auth.token-ttl", defaultValue = "PT8H") Duration tokenTtl) {
        this.store = store;
        this.tokens = tokens;
        this.passwords = passwords;
        this.gate = gate;
        this.throttle = throttle;
        this.sessions = sessions;
        this.tokenTtl = tokenTtl;
        this.unknownUserHash = passwords.hash(BearerTokens.generate());
    }

    /**
     * Issues a token to the user if the password is right and the user not disabled; 401
     * otherwise, counted as a failure of this user name from this address; 429 while too many
     * failed, before any hashing; 503 if too many log-ins are being checked. A hash made with
     * fewer iterations than new ones get is replaced on the way.
     */
    public IssuedToken logIn(String username, String password, String address) {
        throttle.refuseIfRemembered(username, address);
        // Under the gate as a whole: a burst of log-ins then also holds at most its permits' worth of database places.
        return gate.check(() -> {
            Optional<UserAccount> user = store.accountToVerify(username, address);
            // Do the hashing work in every case: how long the answer takes must not tell whether the user exists.
            Verified verified = verify(password, user);
            if (user.isEmpty() || !verified.matches() || user.get().disabled()) {
                store.recordFailure(username, address);
                throw new UnauthorizedException(WRONG_CREDENTIALS);
            }
            String token = BearerTokens.generate();
            Session session = store.issueToken(user.get(), address, verified.strongerHash(), BearerTokens.hash(token), tokenTtl);
            return new IssuedToken(token, session);
        });
    }

    private Verified verify(String password, Optional<UserAccount> user) {
        String storedHash = user.map(UserAccount::passwordHash).orElse(unknownUserHash);
        if (!passwords.verify(password, storedHash)) {
            return new Verified(false, Optional.empty());
        }
        return new Verified(true, passwords.needsRehash(storedHash) ? Optional.of(passwords.hash(password)) : Optional.empty());
    }

    /** The outcome of the password work: whether it matched, and a stronger hash of it if the stored one is weak. */
    private record Verified(boolean matches, Optional<String> strongerHash) {
    }

    /**
     * Changes the password of the logged-in user, who proves it knows the current one (403
     * if not: the token is fine, the password is not; counted like a failed log-in), and revokes
     * all of its tokens.
     */
    public void changeOwnPassword(String username, String currentPassword, String newPassword, String address) {
        throttle.refuseIfRemembered(username, address);
        gate.check(() -> {
            UserAccount user = store.accountToVerify(username, address)
                    .orElseThrow(() -> new UnauthorizedException(AuthenticationFilter.TOKEN_NOT_VALID).invalidToken());
            if (!passwords.verify(currentPassword, user.passwordHash())) {
                store.recordFailure(username, address);
                throw new ForbiddenException("The current password is wrong");
            }
            store.changeOwnPassword(user, passwords.hash(newPassword));
            return null;
        });
    }

    /** Revokes the bearer token of the request's {@code Authorization} header; 401 if it is not valid. */
    @Resilient
    @Transactional
    public void logOut(String authorization) {
        sessions.forgetAllWhenCommitted();
        if (!tokens.revoke(hashOf(authorization))) {
            throw new UnauthorizedException(AuthenticationFilter.TOKEN_NOT_VALID).invalidToken();
        }
    }

    private static String hashOf(String authorization) {
        return BearerTokens.hash(BearerTokens.fromAuthorization(authorization)
                .orElseThrow(() -> new UnauthorizedException(AuthenticationFilter.TOKEN_NOT_VALID).invalidToken()));
    }
}
