package org.stockroom.auth.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import org.stockroom.audit.AuditTrail;
import org.stockroom.auth.token.SessionCache;
import org.stockroom.auth.token.TokenRepository;
import org.stockroom.problem.ConflictException;
import org.stockroom.problem.ProblemTypes;
import org.stockroom.problem.ResourceNotFoundException;
import org.stockroom.resilience.Resilient;
import org.stockroom.security.Role;

import java.util.List;

import static org.stockroom.api.Jsonp.JSON;

/**
 * What an admin does to users. Each change is one method and one transaction, and records
 * itself in the audit trail (never a password or hash). Passwords arrive already hashed: the
 * slow hashing is done by the caller, outside the transaction and outside the database
 * bulkhead: the methods here, not the resource, are the {@code @Resilient} units.
 */
@Resilient
@ApplicationScoped
public class UserService {

    private final UserRepository users;
    private final TokenRepository tokens;
    private final AuditTrail audit;
    private final SessionCache sessions;

    @Inject
    public UserService(UserRepository users, TokenRepository tokens, AuditTrail audit, SessionCache sessions) {
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.sessions = sessions;
    }

    @Transactional
    public List<UserAccount> list(String afterUsername, int limit) {
        return users.list(afterUsername, limit);
    }

    @Transactional
    public UserAccount get(String username) {
        return users.findByUsername(username).orElseThrow(() -> new ResourceNotFoundException("user", username));
    }

    @Transactional
    public UserAccount create(String username, String passwordHash, Role role) {
        UserAccount created = users.add(username, passwordHash, role).orElseThrow(() -> new ConflictException(
                ProblemTypes.ALREADY_EXISTS, "Already exists", "A user named '" + username + "' already exists"
                        + " (user names are compared ignoring case)"));
        audit.record("user.created", "user", created.username(),
                JSON.createObjectBuilder().add("role", created.role().value()).build());
        return created;
    }

    /**
     * Changes a user's role and/or disabled flag; disabling revokes all of its tokens. The
     * enabled admins are locked first, so that two admins cannot demote each other at once.
     */
    @Transactional
    public UserAccount change(String actingAdmin, String username, UserChange change) {
        int enabledAdmins = users.lockEnabledAdmins();
        UserAccount user = users.findByUsernameForUpdate(username)
                .orElseThrow(() -> new ResourceNotFoundException("user", username));
        change.refusal(actingAdmin, user, enabledAdmins).ifPresent(reason -> {
            throw new ConflictException(ProblemTypes.LAST_ADMIN, "An admin must remain", reason);
        });
        JsonObjectBuilder details = JSON.createObjectBuilder();
        if (!change.isEmpty()) {
            sessions.forgetAllWhenCommitted();  // a session carries the role, and a disabled user has none
        }
        if (change.role() != null) {
            users.changeRole(user.id(), change.role());
            details.add("role", JSON.createObjectBuilder()
                    .add("before", user.role().value()).add("after", change.role().value()));
        }
        if (change.disabled() != null) {
            users.changeDisabled(user.id(), change.disabled());
            details.add("disabled", JSON.createObjectBuilder()
                    .add("before", user.disabled()).add("after", change.disabled()));
            if (change.disabled()) {
                tokens.revokeAll(user.id());
            }
        }
        audit.record("user.changed", "user", user.username(), details.build());
        return users.findByUsername(username).orElseThrow();
    }

    /** Sets a new password for the user and revokes all of its tokens. */
    @Transactional
    public void resetPassword(String username, String passwordHash) {
        UserAccount user = users.findByUsernameForUpdate(username)
                .orElseThrow(() -> new ResourceNotFoundException("user", username));
        users.changePassword(user.id(), passwordHash);
        tokens.revokeAll(user.id());
        sessions.forgetAllWhenCommitted();
        audit.record("user.password_reset", "user", user.username(), JSON.createObjectBuilder().build());
    }
}
