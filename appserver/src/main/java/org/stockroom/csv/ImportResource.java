package org.stockroom.csv;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stockroom.api.ErrorResponses;
import org.stockroom.api.StockroomApplication;
import org.stockroom.idempotency.IdempotentRequests;
import org.stockroom.problem.BodyTooLargeException;
import org.stockroom.resilience.DatabaseResilience;
import org.stockroom.security.Roles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * CSV imports. The body is copied to a temporary file as it arrives (never held in memory; its
 * size limited by {@code STOCKROOM_MAX_IMPORT_BYTES}, its SHA-256 taken on the way), and only then
 * is the import run, under the same retry, circuit breaker and bulkhead as every other unit of
 * database work ({@link DatabaseResilience#callLong}: its length is not counted as a slow database):
 * a retried transaction reads the file again from disk,
 * whereas the request's body could be read only once. The file is deleted when the answer is ready.
 *
 * <p>Not {@code @Resilient} as a class for that reason: the resilient unit is the import, not the upload.
 */
@ApplicationScoped
@RolesAllowed(Roles.MANAGER)
@Path("/imports")
@Consumes(ImportResource.TEXT_CSV)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Products, locations and opening stock from CSV files, all or nothing")
@APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = ErrorResponses.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
@APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)  // import-in-progress, idempotency-key-in-flight
@APIResponse(responseCode = "413", ref = ErrorResponses.BODY_TOO_LARGE)
@APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
@APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_ROWS)
@APIResponse(responseCode = "429", ref = ErrorResponses.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ErrorResponses.UNAVAILABLE)
public class ImportResource {

    public static final String TEXT_CSV = "text/csv";
    public static final String MAX_IMPORT_BYTES = "stockroom.http.max-import-bytes";
    /** How long one import's transaction may take (the default of 60 s is too short for a million rows). */
    static final int TRANSACTION_TIMEOUT_SECONDS = 1800;

    private static final String COMMON = " The body is CSV (RFC 4180) in UTF-8: a header row naming the columns, in any "
            + "order, then one row per line; quoted fields, commas and line breaks in quotes, a byte order mark and CRLF "
            + "or LF line ends are all read. Every row is checked with the rules of the JSON API; if any row is bad, "
            + "nothing is imported and the answer lists the bad rows (line, column, reason). The same file (by SHA-256) "
            + "imported again changes nothing and answers alreadyImported: true. Role: manager.";

    private final ImportService service;
    private final IdempotentRequests idempotent;
    private final DatabaseResilience resilience;
    private final TransactionManager transactions;
    private final long maxImportBytes;

    @Inject
    public ImportResource(ImportService service, IdempotentRequests idempotent, DatabaseResilience resilience,
                          TransactionManager transactions,
                          @ConfigProperty(name = MAX_IMPORT_BYTES) long maxImportBytes) {
        this.service = service;
        this.idempotent = idempotent;
        this.resilience = resilience;
        this.transactions = transactions;
        this.maxImportBytes = maxImportBytes;
    }

    @POST
    @Path("/products")
    @Operation(summary = "Import products", description = "Columns: sku and name (required); description, "
            + "unitOfMeasure, category, reorderPoint, lotTracked (optional). A new SKU creates a product; a known one "
            + "has its name, description, category and reorder point replaced by the file's (a column the file leaves "
            + "out keeps the product's value); an import never changes an existing product's unit or lot tracking."
            + COMMON)
    @RequestBody(required = true, content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING),
            example = "sku,name,unitOfMeasure,reorderPoint\r\nHINGE-75,\"Hinge, 75 mm\",EA,10\r\n"))
    @APIResponse(responseCode = "200", description = "Imported, or imported before (alreadyImported)",
            headers = @Header(name = StockroomApplication.REPLAYED, ref = StockroomApplication.REPLAYED),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportSummary.class)))
    public Response products(@Parameter(ref = StockroomApplication.IDEMPOTENCY_KEY)
                             @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                             @Context UriInfo uriInfo, @Context HttpHeaders headers, InputStream body) {
        return run(ImportKind.PRODUCTS, idempotencyKey, uriInfo, headers, body);
    }

    @POST
    @Path("/locations")
    @Operation(summary = "Import locations", description = "Columns: code and name (both required). A new code "
            + "creates a location; a known one takes the file's name." + COMMON)
    @RequestBody(required = true, content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING),
            example = "code,name\r\nBACK,Back room\r\n"))
    @APIResponse(responseCode = "200", description = "Imported, or imported before (alreadyImported)",
            headers = @Header(name = StockroomApplication.REPLAYED, ref = StockroomApplication.REPLAYED),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportSummary.class)))
    public Response locations(@Parameter(ref = StockroomApplication.IDEMPOTENCY_KEY)
                              @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                              @Context UriInfo uriInfo, @Context HttpHeaders headers, InputStream body) {
        return run(ImportKind.LOCATIONS, idempotencyKey, uriInfo, headers, body);
    }

    @POST
    @Path("/opening-stock")
    @Operation(summary = "Import opening stock", description = "Columns: sku, location, quantity (required); lot, "
            + "expiresOn (optional; a lot-tracked product needs a lot). Each row is recorded as a RECEIVE with reason "
            + "'opening stock' and reference 'import N line L', so the ledger stays the source of truth. Opening stock "
            + "is a product's first stock at a location: a product with stock history there is refused." + COMMON)
    @RequestBody(required = true, content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING),
            example = "sku,location,quantity,lot,expiresOn\r\nHINGE-75,BACK,40,,\r\n"))
    @APIResponse(responseCode = "200", description = "Imported, or imported before (alreadyImported)",
            headers = @Header(name = StockroomApplication.REPLAYED, ref = StockroomApplication.REPLAYED),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportSummary.class)))
    public Response openingStock(@Parameter(ref = StockroomApplication.IDEMPOTENCY_KEY)
                                 @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                 @Context UriInfo uriInfo, @Context HttpHeaders headers, InputStream body) {
        return run(ImportKind.OPENING_STOCK, idempotencyKey, uriInfo, headers, body);
    }

    private Response run(ImportKind kind, String idempotencyKey, UriInfo uriInfo, HttpHeaders headers, InputStream body) {
        requireUtf8(headers.getMediaType());
        ImportFile file = spool(body);
        try {
            String path = IdempotentRequests.collectionPath(uriInfo);
            return (Response) guarded(() -> idempotent.post(idempotencyKey, path, Map.of("sha256", file.sha256()),
                    () -> Response.ok(service.importFile(kind, file)).build()));
        } finally {
            delete(file.path());
        }
    }

    /** The import under the resilience policies, in a transaction allowed to last {@link #TRANSACTION_TIMEOUT_SECONDS}. */
    private Object guarded(Callable<Object> work) {
        try {
            return resilience.callLong(() -> {
                transactions.setTransactionTimeout(TRANSACTION_TIMEOUT_SECONDS);
                try {
                    return work.call();
                } finally {
                    transactions.setTransactionTimeout(0);  // back to the default for this thread's next transaction
                }
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (SystemException e) {
            throw new IllegalStateException("the transaction manager refused a timeout", e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireUtf8(MediaType type) {
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            throw new NotSupportedException("CSV is read as UTF-8 only, not " + charset);
        }
    }

    /** Copies the body to a temporary file, counting and hashing it; 413 as soon as it passes the limit. */
    private ImportFile spool(InputStream body) {
        java.nio.file.Path file = null;
        try {
            file = Files.createTempFile("stockroom-import-", ".csv");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
                byte[] buffer = new byte[65536];
                int read;
                while ((read = body.read(buffer)) != -1) {
                    size += read;
                    if (size > maxImportBytes) {
                        throw new BodyTooLargeException(maxImportBytes);
                    }
                    out.write(buffer, 0, read);
                }
            }
            return new ImportFile(file, HexFormat.of().formatHex(sha256.digest()), size);
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException("receiving an import", e);
        } catch (NoSuchAlgorithmException e) {
            delete(file);
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private static void delete(java.nio.file.Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover temporary file is harmless; the import's answer matters more
            }
        }
    }
}
