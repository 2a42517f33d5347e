package org.stockroom.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.stockroom.problem.UnauthorizedException;

import java.time.Duration;
import java.util.Optional;

/** Log-in with a user name and password, and the bearer tokens it issues. */
@ApplicationScoped
public class AuthService {

    /** The same for an unknown user, a wrong password and a disabled user: no user enumeration. */
    static final String WRONG_CREDENTIALS = "Wrong user name or password";

    private final UserRepository users;
    private final TokenRepository tokens;
    private final PasswordHasher hasher;
    private final Duration tokenTtl;
    /** Verified against when the user is unknown, so that the answer takes as long as for a known one. */
    private final String unknownUserHash;

    @Inject
    public AuthService(UserRepository users, TokenRepository tokens,
                       @ConfigProperty(name = "stockroom.auth.token-ttl", defaultValue = "PT8H") Duration tokenTtl) {
        this(users, tokens, new PasswordHasher(), tokenTtl);
    }

    AuthService(UserRepository users, TokenRepository tokens, PasswordHasher hasher, Duration tokenTtl) {
        this.users = users;
        this.tokens = tokens;
        this.hasher = hasher;
        this.tokenTtl = tokenTtl;
        this.unknownUserHash = hasher.hash(BearerTokens.generate().toCharArray());
    }

    /** Issues a token to the user if the password is right and the user not disabled; 401 otherwise. */
    @Transactional
    public IssuedToken logIn(String username, String password) {
        Optional<UserAccount> user = users.findByUsername(username);
        // Do the hashing work in every case: how long the answer takes must not tell whether the user exists.
        boolean passwordMatches = hasher.verify(password.toCharArray(),
                user.map(UserAccount::passwordHash).orElse(unknownUserHash));
        if (user.isEmpty() || !passwordMatches || user.get().disabled()) {
            throw new UnauthorizedException(WRONG_CREDENTIALS);
        }
        String token = BearerTokens.generate();
        Session session = tokens.add(BearerTokens.hash(token), user.get(), tokenTtl);
        return new IssuedToken(token, session);
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
