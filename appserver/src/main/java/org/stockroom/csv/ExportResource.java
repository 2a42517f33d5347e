package org.stockroom.csv;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stockroom.api.ErrorResponses;
import org.stockroom.api.QueryParameters;
import org.stockroom.api.Text;
import org.stockroom.csv.ExportService.ExportKind;
import org.stockroom.csv.ExportService.Filter;
import org.stockroom.problem.InvalidRequestException;
import org.stockroom.security.Roles;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * CSV exports, streamed: the answer is written while the query's rows arrive (a cursor in one
 * read-only transaction), never gathered first. Not retried: once rows have been sent a retry could
 * not take them back; a failure part-way ends the answer without its last CRLF-terminated line.
 */
@ApplicationScoped
@RolesAllowed(Roles.VIEWER)
@Path("/exports")
@Produces(ImportResource.TEXT_CSV)
@Tag(name = "Exports", description = "Products, locations, stock levels and the ledger as CSV files")
@APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = ErrorResponses.UNAUTHORIZED)
@APIResponse(responseCode = "429", ref = ErrorResponses.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ErrorResponses.UNAVAILABLE)
public class ExportResource {

    private final ExportService service;
    private final TransactionManager transactions;

    @Inject
    public ExportResource(ExportService service, TransactionManager transactions) {
        this.service = service;
        this.transactions = transactions;
    }

    @GET
    @Path("/products")
    @Operation(summary = "Export products", description = "Every product, archived ones too, in SKU order, with the "
            + "columns of the products import: sku,name,description,unitOfMeasure,category,reorderPoint,lotTracked. "
            + "Imported again, the file changes nothing. Role: viewer.")
    @APIResponse(responseCode = "200", description = "The products as CSV",
            content = @Content(mediaType = ImportResource.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response products() {
        return csv(ExportKind.PRODUCTS, Filter.NONE, "products.csv");
    }

    @GET
    @Path("/locations")
    @Operation(summary = "Export locations", description = "Every location in code order, with the columns of the "
            + "locations import: code,name. Role: viewer.")
    @APIResponse(responseCode = "200", description = "The locations as CSV",
            content = @Content(mediaType = ImportResource.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response locations() {
        return csv(ExportKind.LOCATIONS, Filter.NONE, "locations.csv");
    }

    @GET
    @Path("/stock")
    @Operation(summary = "Export stock levels", description = "On hand per product and location, in SKU then "
            + "location order, also where it is 0 now: sku,location,onHand,unitOfMeasure,reserved,available. Role: viewer.")
    @APIResponse(responseCode = "200", description = "The stock levels as CSV",
            content = @Content(mediaType = ImportResource.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Response stock(@Parameter(description = "Only this product") @QueryParam("sku") String sku,
                          @Parameter(description = "Only this location") @QueryParam("location") String location) {
        return csv(ExportKind.STOCK, new Filter(Text.trimmedOrNull(sku), Text.trimmedOrNull(location), null, null),
                "stock.csv");
    }

    @GET
    @Path("/movements")
    @Operation(summary = "Export the ledger", description = "Movements oldest first (by id): id,occurredAt,type,sku,"
            + "quantity,from,to,reason,reference,lots,recordedBy; lots as LOT=quantity separated by ';'. Role: viewer.")
    @APIResponse(responseCode = "200", description = "The movements as CSV",
            content = @Content(mediaType = ImportResource.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Response movements(
            @Parameter(description = "Only movements of this product") @QueryParam("sku") String sku,
            @Parameter(description = "Only movements into or out of this location") @QueryParam("location") String location,
            @Parameter(description = "Only movements at or after this time: an ISO-8601 date-time with an offset, or a "
                    + "date (from its start in UTC)", example = "2026-11-19T08:00:00Z")
            @QueryParam("since") String since,
            @Parameter(description = "Only movements before this time (same forms as since)",
                    example = "2026-12-01")
            @QueryParam("until") String until) {
        Instant from = QueryParameters.instant("since", Text.trimmedOrNull(since));
        Instant to = QueryParameters.instant("until", Text.trimmedOrNull(until));
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidRequestException("until", "must be later than since");
        }
        return csv(ExportKind.MOVEMENTS, new Filter(Text.trimmedOrNull(sku), Text.trimmedOrNull(location), from, to),
                "movements.csv");
    }

    private Response csv(ExportKind kind, Filter filter, String fileName) {
        StreamingOutput body = output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 65536);
            try {
                transactions.setTransactionTimeout(ImportResource.TRANSACTION_TIMEOUT_SECONDS);
                service.export(kind, filter, out);
            } catch (SystemException e) {
                throw new IllegalStateException("the transaction manager refused a timeout", e);
            } finally {
                try {
                    transactions.setTransactionTimeout(0);
                } catch (SystemException e) {
                    // the next transaction on this thread keeps the long timeout: harmless
                }
            }
            out.flush();
        };
        return Response.ok(body, ImportResource.TEXT_CSV + "; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .build();
    }
}
