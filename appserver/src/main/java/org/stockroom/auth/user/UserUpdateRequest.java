package org.stockroom.auth.user;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.Pattern;
import org.stockroom.api.StrictBooleanDeserializer;
import org.stockroom.security.Role;

/** The body of {@code PATCH /users/{username}}: the fields to change; an absent or null field stays as it is. */
public record UserUpdateRequest(
        @Pattern(regexp = NewUserRequest.ROLE_PATTERN, message = NewUserRequest.ROLE_RULE) String role,
        @JsonbTypeDeserializer(StrictBooleanDeserializer.class) Boolean disabled) {

    UserChange change() {
        return new UserChange(role == null ? null : Role.of(role), disabled);
    }
}
