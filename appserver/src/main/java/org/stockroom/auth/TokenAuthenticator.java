package org.stockroom.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.stockroom.resilience.Resilient;

import java.util.Optional;

/**
 * Looks up the session of a bearer token for {@link AuthenticationFilter}, under the same
 * retries and circuit breaker as every other call to PostgreSQL: the filter runs before any
 * resource method, so the resources' own {@code @Resilient} does not cover it.
 */
@Resilient
@ApplicationScoped
public class TokenAuthenticator {

    private final TokenRepository tokens;

    @Inject
    public TokenAuthenticator(TokenRepository tokens) {
        this.tokens = tokens;
    }

    /** The session of the token; empty if it is unknown, expired or revoked, or its user disabled. */
    @Transactional
    public Optional<Session> sessionOf(String token) {
        return tokens.findActive(BearerTokens.hash(token));
    }
}
