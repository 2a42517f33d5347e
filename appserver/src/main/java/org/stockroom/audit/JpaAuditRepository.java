package org.stockroom.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.stockroom.persistence.Stockroom;

import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.stockroom.api.Jsonp.JSON;

/**
 * Native queries through the shared EntityManager, so that an event is written on the
 * connection, and in the JTA transaction, of the change it records. {@code details} is jsonb:
 * it goes in and comes out as JSON text.
 */
@ApplicationScoped
public class JpaAuditRepository implements AuditRepository {

    @Inject
    @Stockroom
    EntityManager em;

    @Override
    public void add(String username, String action, String subjectType, String subjectKey, JsonObject details) {
        em.createNativeQuery("""
                        insert into audit_event (username, action, subject_type, subject_key, details)
                        values (:username, :action, :subjectType, :subjectKey, cast(:details as jsonb))""")
                .setParameter("username", username)
                .setParameter("action", action)
                .setParameter("subjectType", subjectType)
                .setParameter("subjectKey", subjectKey)
                .setParameter("details", details.toString())
                .executeUpdate();
    }

    @Override
    public List<AuditEvent> search(AuditQuery query, Long beforeId, int limit) {
        List<String> conditions = new ArrayList<>();
        if (query.username() != null) {
            conditions.add("lower(username) = lower(:username)");
        }
        if (query.since() != null) {
            conditions.add("occurred_at >= :since");
        }
        if (beforeId != null) {
            conditions.add("id < :beforeId");
        }
        Query select = em.createNativeQuery("""
                select id, occurred_at, username, action, subject_type, subject_key, cast(details as text)
                  from audit_event"""
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by id desc limit :limit");
        if (query.username() != null) {
            select.setParameter("username", query.username());
        }
        if (query.since() != null) {
            select.setParameter("since", OffsetDateTime.ofInstant(query.since(), ZoneOffset.UTC));
        }
        if (beforeId != null) {
            select.setParameter("beforeId", beforeId);
        }
        select.setParameter("limit", limit);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        return rows.stream().map(row -> new AuditEvent(((Number) row[0]).longValue(), instant(row[1]),
                (String) row[2], (String) row[3], (String) row[4], (String) row[5], json((String) row[6]))).toList();
    }

    // The JDBC type a native query hands back for timestamptz depends on the Hibernate version.
    private static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime dateTime -> dateTime.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
