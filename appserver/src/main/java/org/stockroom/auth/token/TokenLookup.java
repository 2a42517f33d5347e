package org.stockroom.auth.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.stockroom.resilience.Resilient;
import org.stockroom.security.Session;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the session of a token hash from the database, under the same retries and circuit
 * breaker as every other call to PostgreSQL: {@link AuthenticationFilter} runs before any
 * resource method, so the resources' own {@code @Resilient} does not cover it.
 */
@Resilient
@ApplicationScoped
public class TokenLookup {

    private final TokenRepository tokens;

    @Inject
    public TokenLookup(TokenRepository tokens) {
        this.tokens = tokens;
    }

    @Transactional
    public Optional<Session> sessionOf(String tokenHash) {
        return tokens.findActive(tokenHash);
    }

    /** Which of these token hashes still stand for a session, in one query. */
    @Transactional
    public Set<String> activeAmong(Collection<String> tokenHashes) {
        return tokens.activeAmong(tokenHashes);
    }
}
