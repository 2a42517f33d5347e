package org.stockroom.csv;

import java.util.List;
import java.util.Optional;

/**
 * The SQL of an import: rows staged in a temporary table of the transaction, checked against
 * each other and the database set-based, then written in slices.
 */
public interface ImportRepository {

    /** Lets this transaction's statements run up to the socket's limit, for set-based work on big files. */
    void allowLongStatements();

    /** Takes the transaction-scoped lock of one file's import, or says that another transaction holds it. */
    boolean tryLock(long key);

    Optional<ImportSummary> findBatch(ImportKind kind, String sha256);

    /** Creates the kind's staging table (dropped at commit). */
    void createStaging(ImportKind kind);

    /** Stages rows given as a JSON array of objects, each with its ordinal {@code n} and staging columns. */
    void stage(ImportKind kind, String rowsJson);

    /**
     * Checks the staged rows against each other and the database: the first {@code limit} errors
     * in line order, and how many in all.
     *
     * @param present the optional columns the file has
     */
    Errors check(ImportKind kind, List<String> present, int limit);

    record Errors(List<RowError> first, long count) {
    }

    /** How many staged rows will create, update and leave as is. */
    Counts count(ImportKind kind, List<String> present);

    record Counts(long created, long updated, long unchanged) {
    }

    ImportSummary addBatch(ImportKind kind, ImportFile file, long rows, Counts counts, String user);

    /** Writes staged rows {@code first} to {@code last} (ordinals); the database's deferred checks run after it. */
    void write(ImportKind kind, List<String> present, ImportSummary batch, long first, long last);
}
