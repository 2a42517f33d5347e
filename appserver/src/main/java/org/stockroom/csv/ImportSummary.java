package org.stockroom.csv;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** What an import did (or, for a file imported before, what it did then). */
@Schema(description = "What an import did. A file imported before is recognised by its SHA-256 and changes nothing: "
        + "alreadyImported is then true and the counts are those of the first import")
public record ImportSummary(
        @Schema(description = "products, locations or opening-stock", example = "products") String kind,
        @Schema(description = "The import's number", example = "12") long batch,
        @Schema(description = "SHA-256 of the file, lower-case hex") String sha256,
        @Schema(description = "Size of the file in bytes", example = "5120") long bytes,
        @Schema(description = "Data rows read (the header and blank lines not counted)", example = "100") long rowsRead,
        @Schema(description = "Rows that created a product or location, or opening stock", example = "60") long created,
        @Schema(description = "Rows that changed an existing product or location", example = "10") long updated,
        @Schema(description = "Rows that matched an existing product or location exactly", example = "30") long unchanged,
        @Schema(description = "true: this file was imported before, by this batch; nothing changed now")
        boolean alreadyImported,
        @Schema(description = "Who imported it") String importedBy,
        @Schema(description = "When it was imported") Instant importedAt) {

    ImportSummary asRerun() {
        return new ImportSummary(kind, batch, sha256, bytes, rowsRead, created, updated, unchanged, true, importedBy,
                importedAt);
    }
}
