package org.stockroom.csv;

/** The fact that a file was imported (fired as a CDI event inside the import's transaction). */
public record ImportCompleted(ImportSummary summary) {
}
