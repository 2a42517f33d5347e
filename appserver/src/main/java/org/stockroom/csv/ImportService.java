package org.stockroom.csv;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import org.stockroom.security.CurrentUser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import static org.stockroom.api.Jsonp.JSON;

/**
 * Imports a CSV file of products, locations or opening stock, all or nothing, in one transaction:
 * <ol>
 * <li>one import of a file at a time (a transaction-scoped advisory lock on its kind and hash: a
 *     second request for the same file is refused at once), and a file imported before is
 *     recognised by its SHA-256 in import_batch and changes nothing;</li>
 * <li>the file is read record by record from disk, each row checked with the JSON API's rules,
 *     and the good rows staged in a temporary table, a few thousand per statement;</li>
 * <li>the staged rows are checked set-based against each other and the database (duplicates,
 *     unknown products, units, lots, earlier stock);</li>
 * <li>any error at all: nothing is written and every bad row is reported (the first
 *     {@link InvalidRowsException#MAX_LISTED} listed); else the batch is recorded and the rows
 *     written set-based, in slices, with the database's checks after each slice.</li>
 * </ol>
 * Memory stays bounded whatever the file's size: one record, one chunk of staged rows and the
 * listed errors. The file is on disk, so a retried transaction reads it again from the start.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class.getName());

    /** Rows per staging statement. */
    static final int STAGE_CHUNK = 2_000;
    /** Rows per write slice: each statement of a slice stays well within the statement time limit. */
    static final int WRITE_SLICE = 20_000;

    private final ImportRepository imports;
    private final Validator validator;
    private final CurrentUser currentUser;
    private final Event<ImportCompleted> completed;

    @Inject
    public ImportService(ImportRepository imports, Validator validator, CurrentUser currentUser,
                         Event<ImportCompleted> completed) {
        this.imports = imports;
        this.validator = validator;
        this.currentUser = currentUser;
        this.completed = completed;
    }

    @Transactional
    public ImportSummary importFile(ImportKind kind, ImportFile file) {
        imports.allowLongStatements();
        if (!imports.tryLock(lockKey(kind, file.sha256()))) {
            throw new ImportInProgressException(kind);
        }
        Optional<ImportSummary> earlier = imports.findBatch(kind, file.sha256());
        if (earlier.isPresent()) {
            return earlier.get().asRerun();
        }
        long start = System.nanoTime();
        imports.createStaging(kind);
        Staged staged = stage(kind, file);
        long stagedAt = System.nanoTime();
        ImportRepository.Errors checked = imports.check(kind, staged.present, InvalidRowsException.MAX_LISTED);
        long checkedAt = System.nanoTime();
        long errorCount = staged.errorCount + checked.count();
        if (errorCount > 0) {
            LOG.info(() -> String.format(Locale.ROOT, "Refused an import of %s (rows: %,d, errors: %,d): "
                            + "read and staged in %s, checked in %s", kind.apiName(), staged.rows, errorCount,
                    seconds(stagedAt - start), seconds(checkedAt - stagedAt)));
            List<RowError> errors = new ArrayList<>(staged.errors);
            errors.addAll(checked.first());
            errors.sort(null);
            throw new InvalidRowsException(errors, errorCount);
        }
        ImportSummary summary = imports.addBatch(kind, file, staged.rows, imports.count(kind, staged.present),
                currentUser.username());
        for (long first = 1; first <= staged.rows; first += WRITE_SLICE) {
            imports.write(kind, staged.present, summary, first, Math.min(staged.rows, first + WRITE_SLICE - 1));
        }
        long writtenAt = System.nanoTime();
        // Where an import's time goes, for an operator tuning a large one (docs/benchmarks.md).
        LOG.info(() -> String.format(Locale.ROOT, "Imported %s batch %d (rows: %,d): read and staged in %s, "
                        + "checked in %s, written in %s (commit not included)", kind.apiName(), summary.batch(),
                staged.rows, seconds(stagedAt - start), seconds(checkedAt - stagedAt), seconds(writtenAt - checkedAt)));
        completed.fire(new ImportCompleted(summary));
        return summary;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** The rows read, the optional columns the file has, the bad rows (the first ones) and how many. */
    private record Staged(long rows, List<String> present, List<RowError> errors, long errorCount) {
    }

    private Staged stage(ImportKind kind, ImportFile file) {
        List<RowError> listed = new ArrayList<>();
        long errorCount = 0;
        long rows = 0;
        long staged = 0;
        try (BufferedReader in = new BufferedReader(new StrictUtf8Reader(Files.newInputStream(file.path())), 65536)) {
            CsvReader csv = new CsvReader(in);
            CsvReader.Record header = next(csv);
            if (header == null || header.isBlank()) {
                throw new InvalidRowsException(List.of(new RowError(1, null,
                        "the header row is missing: a " + kind.apiName() + " file starts with the names of its columns, "
                                + String.join(",", kind.requiredColumns()))), 1);
            }
            List<RowError> headerErrors = new ArrayList<>();
            ImportRows parser = ImportRows.withHeader(kind, validator, header, headerErrors);
            if (!headerErrors.isEmpty()) {
                throw new InvalidRowsException(headerErrors, headerErrors.size());
            }
            List<String> present = kind.optionalColumns().stream().filter(parser::has).toList();
            JsonArrayBuilder chunk = JSON.createArrayBuilder();
            int chunkSize = 0;
            List<RowError> rowErrors = new ArrayList<>();
            for (CsvReader.Record record = next(csv); record != null; record = next(csv)) {
                if (record.isBlank()) {
                    continue;
                }
                rows++;
                JsonObjectBuilder row = parser.stage(record, rowErrors);
                if (row == null) {
                    errorCount += rowErrors.size();
                    for (RowError error : rowErrors) {
                        if (listed.size() < InvalidRowsException.MAX_LISTED) {
                            listed.add(error);
                        }
                    }
                    rowErrors.clear();
                    continue;
                }
                // Staged even once the file is refused, so that the database's checks report its rows too.
                chunk.add(row.add("n", ++staged));
                if (++chunkSize == STAGE_CHUNK) {
                    imports.stage(kind, chunk.build().toString());
                    chunk = JSON.createArrayBuilder();
                    chunkSize = 0;
                }
            }
            if (chunkSize > 0) {
                imports.stage(kind, chunk.build().toString());
            }
            return new Staged(rows, present, listed, errorCount);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded file " + file.path(), e);
        }
    }

    private static CsvReader.Record next(CsvReader csv) throws IOException {
        try {
            return csv.next();
        } catch (CsvReader.MalformedCsvException e) {
            throw new InvalidRowsException(List.of(new RowError(e.line(), null, e.getMessage())), 1);
        } catch (CharacterCodingException e) {
            long line = csv.line();
            throw new InvalidRowsException(List.of(new RowError(line, null,
                    "is not valid UTF-8 (a CSV file is read as UTF-8)")), 1);
        }
    }

    /** A 64-bit advisory lock key for one file of one kind. */
    static long lockKey(ImportKind kind, String sha256) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((kind.apiName() + ":" + sha256).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
