package org.stockroom.client;

import java.time.Instant;

/**
 * What an import did: rows read, and how many created, updated or left unchanged a product or
 * location (opening stock: created). A file imported before is {@code alreadyImported}, with the
 * counts of that first import.
 */
public record ImportSummary(String kind, long batch, String sha256, long bytes, long rowsRead, long created,
                            long updated, long unchanged, boolean alreadyImported, String importedBy,
                            Instant importedAt) {
}
