package org.stockroom.auth;

import jakarta.validation.constraints.Pattern;

/** The body of {@code PATCH /users/{username}}: the fields to change; an absent or null field stays as it is. */
public record UserUpdateRequest(
        @Pattern(regexp = NewUserRequest.ROLE_PATTERN, message = NewUserRequest.ROLE_RULE) String role,
        Boolean disabled) {

    UserChange change() {
        return new UserChange(role == null ? null : Role.of(role), disabled);
    }
}
