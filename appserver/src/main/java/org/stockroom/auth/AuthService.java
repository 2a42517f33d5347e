package org.stockroom.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.stockroom.problem.ForbiddenException;
import org.stockroom.problem.UnauthorizedException;

import java.time.Duration;
import java.util.Optional;

/**
 * Log-in with a user name and password, the bearer tokens it issues, and a user's own
 * password change. The password hashing (100-200 ms) runs here, outside any transaction; the
 * database work is in {@link CredentialStore}'s short transactions around it. Not
 * {@code @Resilient} itself: the resource calling it is, and retries the whole.
 */
@ApplicationScoped
public class AuthService {

    /** The same for an unknown user, a wrong password and a disabled user: no user enumeration. */
    static final String WRONG_CREDENTIALS = "Wrong user name or password";

    private final CredentialStore store;
    private final TokenRepository tokens;
    private final Passwords passwords;
    private final Duration tokenTtl;
    /** Verified against when the user is unknown, so that the answer takes as long as for a known one. */
    private final String unknownUserHash;

    @Inject
    public AuthService(CredentialStore store, TokenRepository tokens, Passwords passwords,
                       @ConfigProperty(name = "stockroom.auth.token-ttl", defaultValue = "PT8H") Duration tokenTtl) {
        this.store = store;
        this.tokens = tokens;
        this.passwords = passwords;
        this.tokenTtl = tokenTtl;
        this.unknownUserHash = passwords.hash(BearerTokens.generate());
    }

    /**
     * Issues a token to the user if the password is right and the user not disabled; 401
     * otherwise. A hash made with fewer iterations than new ones get is replaced on the way.
     */
    public IssuedToken logIn(String username, String password) {
        Optional<UserAccount> user = store.accountOf(username);
        // Do the hashing work in every case: how long the answer takes must not tell whether the user exists.
        boolean passwordMatches = passwords.verify(password, user.map(UserAccount::passwordHash).orElse(unknownUserHash));
        if (user.isEmpty() || !passwordMatches || user.get().disabled()) {
            throw new UnauthorizedException(WRONG_CREDENTIALS);
        }
        Optional<String> strongerHash = passwords.needsRehash(user.get().passwordHash())
                ? Optional.of(passwords.hash(password)) : Optional.empty();
        String token = BearerTokens.generate();
        Session session = store.issueToken(user.get(), strongerHash, BearerTokens.hash(token), tokenTtl);
        return new IssuedToken(token, session);
    }

    /**
     * Changes the password of the logged-in user, who proves it knows the current one (403
     * if not: the token is fine, the password is not), and revokes all of its tokens.
     */
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserAccount user = store.accountOf(username)
                .orElseThrow(() -> new UnauthorizedException(AuthenticationFilter.TOKEN_NOT_VALID).invalidToken());
        if (!passwords.verify(currentPassword, user.passwordHash())) {
            throw new ForbiddenException("The current password is wrong");
        }
        store.changeOwnPassword(user, passwords.hash(newPassword));
    }

    /** Revokes the bearer token of the request's {@code Authorization} header; 401 if it is not valid. */
    @Transactional
    public void logOut(String authorization) {
        if (!tokens.revoke(hashOf(authorization))) {
            throw new UnauthorizedException(AuthenticationFilter.TOKEN_NOT_VALID).invalidToken();
        }
    }

    private static String hashOf(String authorization) {
        return BearerTokens.hash(BearerTokens.fromAuthorization(authorization)
                .orElseThrow(() -> new UnauthorizedException(AuthenticationFilter.TOKEN_NOT_VALID).invalidToken()));
    }
}
