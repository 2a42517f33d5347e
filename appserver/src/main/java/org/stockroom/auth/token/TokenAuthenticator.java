package org.stockroom.auth.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.stockroom.security.Session;

import java.util.Optional;

/**
 * Finds the session of a bearer token for {@link AuthenticationFilter}: from the
 * {@link SessionCache} when it was checked in the last few seconds, otherwise from the
 * database through {@link TokenLookup}.
 */
@ApplicationScoped
public class TokenAuthenticator {

    private final SessionCache cache;
    private final TokenLookup lookup;

    @Inject
    public TokenAuthenticator(SessionCache cache, TokenLookup lookup) {
        this.cache = cache;
        this.lookup = lookup;
    }

    /** The session of the token; empty if it is unknown, expired or revoked, or its user disabled. */
    public Optional<Session> sessionOf(String token) {
        String hash = BearerTokens.hash(token);
        Optional<Session> cached = cache.find(hash);
        if (cached.isPresent()) {
            return cached;
        }
        long version = cache.version();
        Optional<Session> session = lookup.sessionOf(hash);
        session.ifPresent(found -> cache.keep(hash, found, version));
        return session;
    }
}
