package org.stockroom.client.model;

import java.math.BigDecimal;

/** The body of {@code PUT /stocktakes/{id}/lines/{sku}}: how many were counted. */
public record Count(BigDecimal counted) {
}
