package org.stockroom.audit;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.time.Instant;

/** An audit event as the API shows it. */
@Schema(description = "One change made through the API", properties = {
        @SchemaProperty(name = "occurredAt", description = "When the change's transaction started"),
        @SchemaProperty(name = "user", description = "Who made the change"),
        @SchemaProperty(name = "action", example = "movement.recorded",
                description = "product.created, product.revised, product.archived, location.created, "
                        + "movement.recorded, or another as features are added"),
        @SchemaProperty(name = "subjectType", example = "movement"),
        @SchemaProperty(name = "subjectKey", description = "The SKU, code or id of the subject", example = "35"),
        @SchemaProperty(name = "details", description = "What changed, by action (docs/api.md#audit)")})
@JsonbPropertyOrder({"id", "occurredAt", "user", "action", "subjectType", "subjectKey", "details"})
public record AuditEventView(long id, Instant occurredAt, String user, String action, String subjectType,
                             String subjectKey, JsonObject details) {

    static AuditEventView of(AuditEvent event) {
        return new AuditEventView(event.id(), event.occurredAt(), event.username(), event.action(),
                event.subjectType(), event.subjectKey(), event.details());
    }
}
