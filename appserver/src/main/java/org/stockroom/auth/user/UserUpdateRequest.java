package org.stockroom.auth.user;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.stockroom.api.StrictBooleanDeserializer;
import org.stockroom.security.Role;
import org.stockroom.security.Roles;

/** The body of {@code PATCH /users/{username}}: the fields to change; an absent or null field stays as it is. */
@Schema(description = "What to change of a user; an absent or null field stays as it is", properties = {
        @SchemaProperty(name = "role", enumeration = {Roles.VIEWER, Roles.CLERK, Roles.MANAGER, Roles.ADMIN}),
        @SchemaProperty(name = "disabled", description = "Disabling revokes the user's tokens")})
public record UserUpdateRequest(
        @Pattern(regexp = NewUserRequest.ROLE_PATTERN, message = NewUserRequest.ROLE_RULE) String role,
        @JsonbTypeDeserializer(StrictBooleanDeserializer.class) Boolean disabled) {

    UserChange change() {
        return new UserChange(role == null ? null : Role.of(role), disabled);
    }
}
