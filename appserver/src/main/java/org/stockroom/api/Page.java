package org.stockroom.api;

import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One page of a keyset-paginated list: pass {@code next} back as {@code after} for the
 * following page; {@code next} is null on the last page.
 */
@JsonbNillable
public record Page<T>(List<T> items,
                      @Schema(nullable = true, description = "Send as 'after', with the same filters, for the "
                              + "following page; null on the last page")
                      String next) {
}
