package org.stockroom.location;

import org.stockroom.api.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /locations}. */
public record NewLocationRequest(
        @NotBlank
        @Size(max = 32)
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
                message = "must start with a letter or digit and contain only letters, digits, '.', '_' and '-'")
        String code,
        @NotBlank @Size(max = 200) @NoControlCharacters String name) {
}
