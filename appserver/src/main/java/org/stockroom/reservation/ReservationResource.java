package org.stockroom.reservation;

import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stockroom.api.Cursor;
import org.stockroom.api.EntityTags;
import org.stockroom.api.ErrorResponses;
import org.stockroom.api.Page;
import org.stockroom.api.PageRequest;
import org.stockroom.api.StockroomApplication;
import org.stockroom.api.Text;
import org.stockroom.idempotency.IdempotentRequests;
import org.stockroom.problem.BadRequestException;
import org.stockroom.problem.InvalidRequestException;
import org.stockroom.resilience.Resilient;
import org.stockroom.security.Roles;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

@Resilient
@ApplicationScoped
@RolesAllowed(Roles.VIEWER)
@Path("/reservations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reservations", description = "Stock held at a location for a reference (an order): available = on hand "
        + "- reserved; ISSUEs that name a reservation take from it")
@APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = ErrorResponses.UNAUTHORIZED)
@APIResponse(responseCode = "429", ref = ErrorResponses.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ErrorResponses.UNAVAILABLE)
public class ReservationResource {

    private final ReservationService service;
    private final IdempotentRequests idempotent;

    @Inject
    public ReservationResource(ReservationService service, IdempotentRequests idempotent) {
        this.service = service;
        this.idempotent = idempotent;
    }

    @RolesAllowed(Roles.CLERK)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reserve stock", description = "Holds a quantity of a SKU at a location for a reference "
            + "until expiresAt (default: 7 days): it must be available there (on hand - reserved), else 409 "
            + "insufficient-available (insufficient-stock when nothing there is reserved). Send an Idempotency-Key, "
            + "so that a retry after a timeout reserves once. Role: clerk.")
    @APIResponse(responseCode = "201", description = "The reservation, OPEN",
            headers = {@Header(name = HttpHeaders.LOCATION, ref = HttpHeaders.LOCATION),
                    @Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
                    @Header(name = StockroomApplication.REPLAYED, ref = StockroomApplication.REPLAYED)},
            content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)  // the product or the location
    // insufficient-available, insufficient-stock, product-archived, in flight
    @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)
    @APIResponse(responseCode = "413", ref = ErrorResponses.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Response reserve(@Parameter(ref = StockroomApplication.IDEMPOTENCY_KEY)
                            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uriInfo,
                            @NotNull(message = "a JSON body is required") @Valid NewReservationRequest request) {
        return idempotent.created(idempotencyKey, uriInfo, request,
                () -> ReservationView.of(service.reserve(request.command()), Instant.now()),
                view -> Long.toString(view.id()), created -> EntityTags.of(created.version()));
    }

    @GET
    @Operation(summary = "List reservations", description = "Newest first, a page at a time. A reservation past "
            + "its expiry is EXPIRED, whether or not the server's sweep has marked it yet. Role: viewer.")
    @APIResponse(responseCode = "200", description = "A page of reservations")
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Page<ReservationView> search(
            @Parameter(description = "Only reservations of this product") @QueryParam("sku") String sku,
            @Parameter(description = "Only reservations at this location") @QueryParam("location") String location,
            @Parameter(description = "Only reservations for this reference") @QueryParam("reference") String reference,
            @Parameter(description = "Only reservations in this status",
                    schema = @Schema(type = SchemaType.STRING,
                            enumeration = {"OPEN", "CONSUMED", "RELEASED", "EXPIRED"}))
            @QueryParam("status") String status,
            @Parameter(ref = StockroomApplication.LIMIT) @QueryParam("limit") String limit,
            @Parameter(ref = StockroomApplication.AFTER) @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after);
        Long beforeId = page.after() == null ? null : reservationId(Cursor.decode(page.after(), 1).getFirst());
        ReservationQuery query = new ReservationQuery(Text.trimmedOrNull(sku), Text.trimmedOrNull(location),
                Text.trimmedOrNull(reference), status(Text.trimmedOrNull(status)));
        Instant now = Instant.now();
        return Cursor.page(service.search(query, beforeId, page.fetchSize(), now).stream()
                        .map(reservation -> ReservationView.of(reservation, now)).toList(),
                page, last -> Cursor.encode(Long.toString(last.id())));
    }

    @GET
    @Path("/{id: [0-9]+}")
    @Operation(summary = "Read a reservation", description = "The ETag is the version, for If-Match. Role: viewer.")
    @APIResponse(responseCode = "200", description = "The reservation",
            headers = @Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
    public Response get(@PathParam("id") long id) {
        ReservationView reservation = ReservationView.of(service.get(id), Instant.now());
        return Response.ok(reservation).tag(EntityTags.of(reservation.version())).build();
    }

    @RolesAllowed(Roles.CLERK)
    @POST
    @Path("/{id: [0-9]+}/release")
    @Operation(summary = "Release a reservation", description = "An OPEN reservation stops holding what it still "
            + "holds, which is available again; RELEASED, it never changes again. Send the ETag last read in "
            + "If-Match. Role: clerk.")
    @APIResponse(responseCode = "200", description = "The reservation as released, with its new ETag",
            headers = @Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)  // reservation-closed
    @APIResponse(responseCode = "412", ref = ErrorResponses.EDIT_CONFLICT)
    @APIResponse(responseCode = "428", ref = ErrorResponses.PRECONDITION_REQUIRED)
    public Response release(@PathParam("id") long id,
                            @Parameter(description = "The ETag last read, e.g. \"3\"; * for any version", required = true)
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        EntityTags.requireIfMatch(ifMatch);
        ReservationView released = ReservationView.of(
                service.release(id, version -> EntityTags.matches(ifMatch, version)), Instant.now());
        return Response.ok(released).tag(EntityTags.of(released.version())).build();
    }

    private static ReservationStatus status(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ReservationStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "must be one of "
                    + String.join(", ", Arrays.stream(ReservationStatus.values()).map(Enum::name).toList()));
        }
    }

    private static long reservationId(String cursorKey) {
        try {
            return Long.parseLong(cursorKey);
        } catch (NumberFormatException e) {
            throw new BadRequestException("The 'after' cursor is not one this server issued");
        }
    }
}
