package org.stockroom.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import org.stockroom.security.CurrentUser;

import java.util.List;

/**
 * Who changed what. The services call {@link #record} inside the transaction of the change
 * itself, so a change that rolls back leaves no event and a committed change always has one.
 */
@ApplicationScoped
public class AuditTrail {

    /** The user name of what the server does by itself, such as expiring reservations: no user can be named so. */
    public static final String SYSTEM = "(system)";

    private final AuditRepository events;
    private final CurrentUser currentUser;

    @Inject
    public AuditTrail(AuditRepository events, CurrentUser currentUser) {
        this.events = events;
        this.currentUser = currentUser;
    }

    /** Records that the request's user did {@code action} to a subject; only inside the change's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String subjectType, String subjectKey, JsonObject details) {
        events.add(currentUser.username(), action, subjectType, subjectKey, details);
    }

    /** Records that the server itself did {@code action} (as user {@value #SYSTEM}); only inside the change's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordBySystem(String action, String subjectType, String subjectKey, JsonObject details) {
        events.add(SYSTEM, action, subjectType, subjectKey, details);
    }

    @Transactional
    public List<AuditEvent> search(AuditQuery query, Long beforeId, int limit) {
        return events.search(query, beforeId, limit);
    }
}
