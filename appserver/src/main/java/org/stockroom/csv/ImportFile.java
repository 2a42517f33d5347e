package org.stockroom.csv;

import java.nio.file.Path;

/**
 * An uploaded file, kept on disk while it is imported, so that a retried transaction reads it
 * again from the start (the request's body can be read only once).
 *
 * @param path   where it is
 * @param sha256 its SHA-256, in lower-case hex: which file it is, for re-runs
 * @param bytes  its size
 */
public record ImportFile(Path path, String sha256, long bytes) {
}
