package org.stockroom.stocktake;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stockroom.api.Cursor;
import org.stockroom.api.ErrorResponses;
import org.stockroom.api.EntityTags;
import org.stockroom.api.Page;
import org.stockroom.api.PageRequest;
import org.stockroom.api.StockroomApplication;
import org.stockroom.api.Text;
import org.stockroom.idempotency.IdempotentRequests;
import org.stockroom.problem.BadRequestException;
import org.stockroom.problem.InvalidRequestException;
import org.stockroom.resilience.Resilient;
import org.stockroom.security.Roles;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Stocktakes (cycle counts): clerks open one for a location and count its lines, a manager posts
 * it (with {@code If-Match}: the version they looked at), or it is cancelled.
 */
@Resilient
@ApplicationScoped
@RolesAllowed(Roles.VIEWER)
@Path("/stocktakes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stocktakes", description = "Cycle counts of a location, posted as ADJUST movements")
@APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = ErrorResponses.UNAUTHORIZED)
@APIResponse(responseCode = "429", ref = ErrorResponses.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ErrorResponses.UNAVAILABLE)
public class StocktakeResource {

    private final StocktakeService service;
    private final IdempotentRequests idempotent;

    @Inject
    public StocktakeResource(StocktakeService service, IdempotentRequests idempotent) {
        this.service = service;
        this.idempotent = idempotent;
    }

    @RolesAllowed(Roles.CLERK)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a stocktake", description = "For a location, optionally limited to some SKUs; one "
            + "open stocktake per location. Role: clerk.")
    @APIResponse(responseCode = "201", description = "The stocktake, opened",
            headers = {@Header(name = HttpHeaders.LOCATION, ref = HttpHeaders.LOCATION),
                    @Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
                    @Header(name = StockroomApplication.REPLAYED, ref = StockroomApplication.REPLAYED)},
            content = @Content(schema = @Schema(implementation = StocktakeView.class)))
    @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)  // already-exists, idempotency-key-in-flight
    @APIResponse(responseCode = "413", ref = ErrorResponses.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Response open(@Parameter(ref = StockroomApplication.IDEMPOTENCY_KEY)
                         @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uriInfo,
                         @NotNull(message = "a JSON body is required") @Valid NewStocktakeRequest request) {
        return idempotent.created(idempotencyKey, uriInfo, request,
                () -> StocktakeView.of(service.open(request.location().strip(), request.skus())),
                StocktakeView::id, opened -> EntityTags.of(opened.version()));
    }

    @GET
    @Operation(summary = "List stocktakes", description = "Newest first, a page at a time. Role: viewer.")
    @APIResponse(responseCode = "200", description = "A page of stocktakes")
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Page<StocktakeSummaryView> search(
            @Parameter(description = "Only stocktakes in this status: OPEN, POSTED or CANCELLED")
            @QueryParam("status") String status,
            @Parameter(description = "Only stocktakes of this location code") @QueryParam("location") String location,
            @Parameter(ref = StockroomApplication.LIMIT) @QueryParam("limit") String limit,
            @Parameter(ref = StockroomApplication.AFTER) @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after);
        Long beforeId = page.after() == null ? null : stocktakeId(Cursor.decode(page.after(), 1).getFirst());
        StocktakeQuery query = new StocktakeQuery(status(Text.trimmedOrNull(status)), Text.trimmedOrNull(location));
        return Cursor.page(service.search(query, beforeId, page.fetchSize()).stream()
                .map(StocktakeSummaryView::of).toList(), page, last -> Cursor.encode(Long.toString(last.id())));
    }

    @GET
    @Path("/{id: [0-9]+}")
    @Operation(summary = "Read a stocktake", description = "With its lines; the ETag is the version, for If-Match "
            + "when posting. Role: viewer.")
    @APIResponse(responseCode = "200", description = "The stocktake",
            headers = @Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = StocktakeView.class)))
    @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
    public Response get(@PathParam("id") long id) {
        return withTag(StocktakeView.of(service.get(id)));
    }

    @RolesAllowed(Roles.CLERK)
    @PUT
    @Path("/{id: [0-9]+}/lines/{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enter a count", description = "What a clerk counted of a SKU, against the level there "
            + "at this moment; counting again takes a new snapshot. Role: clerk.")
    @APIResponse(responseCode = "200", description = "The counted line, with its difference",
            content = @Content(schema = @Schema(implementation = StocktakeLineView.class)))
    @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)  // stocktake-closed, not-in-stocktake
    @APIResponse(responseCode = "413", ref = ErrorResponses.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public StocktakeLineView count(@PathParam("id") long id, @PathParam("sku") String sku,
                                   @NotNull(message = "a JSON body is required") @Valid CountRequest request) {
        return StocktakeLineView.of(service.count(id, sku, request.counted()));
    }

    @RolesAllowed(Roles.MANAGER)
    @POST
    @Path("/{id: [0-9]+}/post")
    @Operation(summary = "Post a stocktake", description = "Writes an ADJUST for every counted difference, all or "
            + "nothing, once. Role: manager.")
    @APIResponse(responseCode = "200", description = "The stocktake, posted",
            headers = @Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = StocktakeView.class)))
    @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)  // stocktake-closed, stocktake-below-zero
    @APIResponse(responseCode = "412", ref = ErrorResponses.EDIT_CONFLICT)
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    @APIResponse(responseCode = "428", ref = ErrorResponses.PRECONDITION_REQUIRED)
    public Response post(@PathParam("id") long id,
                         @Parameter(description = "The ETag last read, e.g. \"3\"; * for any version", required = true)
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Parameter(ref = StockroomApplication.IDEMPOTENCY_KEY)
                         @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uriInfo) {
        // No body: the If-Match is what the request says, so a key sent again with another one is a new request.
        Map<String, String> request = Map.of("ifMatch", ifMatch == null ? "" : ifMatch);
        return idempotent.post(idempotencyKey, IdempotentRequests.collectionPath(uriInfo), request, () -> {
            EntityTags.requireIfMatch(ifMatch);
            return withTag(StocktakeView.of(service.post(id, version -> EntityTags.matches(ifMatch, version))));
        });
    }

    @RolesAllowed(Roles.CLERK)
    @POST
    @Path("/{id: [0-9]+}/cancel")
    @Operation(summary = "Cancel a stocktake", description = "Nothing is written to the ledger. Role: clerk.")
    @APIResponse(responseCode = "200", description = "The stocktake, cancelled",
            headers = @Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = StocktakeView.class)))
    @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)  // stocktake-closed
    public Response cancel(@PathParam("id") long id) {
        return withTag(StocktakeView.of(service.cancel(id)));
    }

    private static Response withTag(StocktakeView stocktake) {
        return Response.ok(stocktake).tag(EntityTags.of(stocktake.version())).build();
    }

    private static StocktakeStatus status(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(StocktakeStatus.values())
                .filter(status -> status.name().equals(value.toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException("status", "must be OPEN, POSTED or CANCELLED"));
    }

    private static long stocktakeId(String cursorKey) {
        try {
            return Long.parseLong(cursorKey);
        } catch (NumberFormatException e) {
            throw new BadRequestException("The 'after' cursor is not one this server issued");
        }
    }
}
