package org.stockroom.movement;

import jakarta.annotation.security.RolesAllowed;
import org.stockroom.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.stockroom.api.Page;
import org.stockroom.api.PageRequest;
import org.stockroom.api.QueryParameters;
import org.stockroom.api.StockroomApplication;
import org.stockroom.api.Text;
import org.stockroom.idempotency.IdempotentRequests;
import org.stockroom.problem.BadRequestException;
import org.stockroom.resilience.Resilient;

@Resilient
@ApplicationScoped
@RolesAllowed(Roles.VIEWER)
@Path("/movements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Movements", description = "The stock ledger: every change of stock is a movement, never changed or deleted")
@APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = ErrorResponses.UNAUTHORIZED)
@APIResponse(responseCode = "429", ref = ErrorResponses.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ErrorResponses.UNAVAILABLE)
public class MovementResource {

    private final MovementService service;
    private final IdempotentRequests idempotent;

    @Inject
    public MovementResource(MovementService service, IdempotentRequests idempotent) {
        this.service = service;
        this.idempotent = idempotent;
    }

    @RolesAllowed(Roles.CLERK)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a receipt, issue, transfer or adjustment", description = "Changes the stock "
            + "levels it touches, all or nothing. RECEIVE: a positive quantity into 'to'. ISSUE: a positive quantity "
            + "out of 'from'. TRANSFER: a positive quantity from 'from' to another 'to'. ADJUST: a signed, non-zero "
            + "correction at one location ('to', or 'from'), with a reason. Send an Idempotency-Key, so that a retry "
            + "after a timeout is recorded once. Role: clerk.")
    @APIResponse(responseCode = "201", description = "The movement, recorded",
            headers = {@Header(name = HttpHeaders.LOCATION, ref = HttpHeaders.LOCATION),
                    @Header(name = StockroomApplication.REPLAYED, ref = StockroomApplication.REPLAYED)},
            content = @Content(schema = @Schema(implementation = MovementView.class)))
    @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)  // the product or a location
    @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)  // insufficient-stock, product-archived, in flight
    @APIResponse(responseCode = "413", ref = ErrorResponses.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Response record(@Parameter(ref = StockroomApplication.IDEMPOTENCY_KEY)
                           @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uriInfo,
                           @NotNull(message = "a JSON body is required") @Valid MovementRequest request) {
        return idempotent.created(idempotencyKey, uriInfo, request,
                () -> MovementView.of(service.record(request.command())), MovementView::id, null);
    }

    @GET
    @Operation(summary = "The ledger", description = "Newest first, a page at a time. Unknown SKUs and locations "
            + "give an empty page. Role: viewer.")
    @APIResponse(responseCode = "200", description = "A page of movements")
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Page<MovementView> search(
            @Parameter(description = "Only movements of this product") @QueryParam("sku") String sku,
            @Parameter(description = "Only movements into or out of this location")
            @QueryParam("location") String location,
            @Parameter(description = "Only movements at or after this time: an ISO-8601 date-time with an offset, or "
                    + "a date (from its start in UTC)", example = "2026-11-19T08:00:00Z")
            @QueryParam("since") String since,
            @Parameter(ref = StockroomApplication.LIMIT) @QueryParam("limit") String limit,
            @Parameter(ref = StockroomApplication.AFTER) @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after);
        Long beforeId = page.after() == null ? null : movementId(Cursor.decode(page.after(), 1).getFirst());
        MovementQuery query = new MovementQuery(Text.trimmedOrNull(sku),
                Text.trimmedOrNull(location), QueryParameters.instant("since", Text.trimmedOrNull(since)));
        return Cursor.page(service.search(query, beforeId, page.fetchSize()).stream().map(MovementView::of).toList(),
                page, last -> Cursor.encode(Long.toString(last.id())));
    }

    @GET
    @Path("/{id: [0-9]+}")
    @Operation(summary = "Read a movement", description = "Role: viewer.")
    @APIResponse(responseCode = "200", description = "The movement")
    @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
    public MovementView get(@PathParam("id") long id) {
        return MovementView.of(service.get(id));
    }

    private static long movementId(String cursorKey) {
        try {
            return Long.parseLong(cursorKey);
        } catch (NumberFormatException e) {
            throw new BadRequestException("The 'after' cursor is not one this server issued");
        }
    }
}
