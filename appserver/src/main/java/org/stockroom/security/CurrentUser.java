package org.stockroom.security;

import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/**
 * Who sent the request being served, as {@code auth.AuthenticationFilter} found it. Services read
 * it to record the acting user (the ledger's {@code recorded_by}, the audit trail); resources
 * may use JAX-RS's {@code SecurityContext} instead, which carries the same session. It lives in
 * {@code security}, not {@code auth}, so that {@code audit} can use it without depending on {@code auth}.
 */
@RequestScoped
public class CurrentUser {

    private Session session;

    /** Only for {@code auth.AuthenticationFilter}, once per request, with the session it found. */
    public void authenticated(Session session) {
        this.session = session;
    }

    /** The session of the request's bearer token; empty for an anonymous request. */
    public Optional<Session> session() {
        return Optional.ofNullable(session);
    }

    /** The user name of the request's sender; for code that only runs on authenticated requests. */
    public String username() {
        return session().map(Session::username)
                .orElseThrow(() -> new IllegalStateException("no authenticated user in this request"));
    }
}
