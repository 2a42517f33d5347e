package org.stockroom.location;

import org.stockroom.api.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /locations}. */
public record NewLocationRequest(
        @NotBlank
        @Size(max = LocationCode.MAX_LENGTH)
        @Pattern(regexp = LocationCode.PATTERN, message = LocationCode.RULE)
        String code,
        @NotBlank @Size(max = 200) @NoControlCharacters String name) {
}
