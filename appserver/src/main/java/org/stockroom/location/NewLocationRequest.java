package org.stockroom.location;

import org.stockroom.api.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/** The body of {@code POST /locations}. */
@Schema(description = "A new location", properties = {
        @SchemaProperty(name = "code", pattern = "^" + LocationCode.PATTERN + "$", example = "BACK")})
public record NewLocationRequest(
        @NotBlank
        @Size(max = LocationCode.MAX_LENGTH)
        @Pattern(regexp = LocationCode.PATTERN, message = LocationCode.RULE)
        String code,
        @NotBlank @Size(max = 200) @NoControlCharacters String name) {
}
