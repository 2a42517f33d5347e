package org.stockroom.location;

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
import org.stockroom.api.StockroomApplication;
import org.stockroom.idempotency.IdempotentRequests;
import org.stockroom.resilience.Resilient;

@Resilient
@ApplicationScoped
@RolesAllowed(Roles.VIEWER)
@Path("/locations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Locations", description = "Where stock is kept: a code and a name; never changed or removed")
@APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = ErrorResponses.UNAUTHORIZED)
@APIResponse(responseCode = "429", ref = ErrorResponses.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ErrorResponses.UNAVAILABLE)
public class LocationResource {

    private final LocationService service;
    private final IdempotentRequests idempotent;

    @Inject
    public LocationResource(LocationService service, IdempotentRequests idempotent) {
        this.service = service;
        this.idempotent = idempotent;
    }

    @RolesAllowed(Roles.MANAGER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a location", description = "Role: manager.")
    @APIResponse(responseCode = "201", description = "The location, created",
            headers = {@Header(name = HttpHeaders.LOCATION, ref = HttpHeaders.LOCATION),
                    @Header(name = StockroomApplication.REPLAYED, ref = StockroomApplication.REPLAYED)},
            content = @Content(schema = @Schema(implementation = LocationView.class)))
    @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)  // already-exists, idempotency-key-in-flight
    @APIResponse(responseCode = "413", ref = ErrorResponses.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Response create(@Parameter(ref = StockroomApplication.IDEMPOTENCY_KEY)
                           @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uriInfo,
                           @NotNull(message = "a JSON body is required") @Valid NewLocationRequest request) {
        return idempotent.created(idempotencyKey, uriInfo, request,
                () -> LocationView.of(service.create(LocationCode.of(request.code()), request.name())),
                LocationView::code, null);
    }

    @GET
    @Operation(summary = "List locations", description = "In code order, a page at a time. Role: viewer.")
    @APIResponse(responseCode = "200", description = "A page of locations")
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Page<LocationView> list(@Parameter(ref = StockroomApplication.LIMIT) @QueryParam("limit") String limit,
                                   @Parameter(ref = StockroomApplication.AFTER) @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after);
        String afterCode = page.after() == null ? null : Cursor.decode(page.after(), 1).getFirst();
        return Cursor.page(service.list(afterCode, page.fetchSize()).stream().map(LocationView::of).toList(),
                page, last -> Cursor.encode(last.code()));
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Read a location", description = "Role: viewer.")
    @APIResponse(responseCode = "200", description = "The location")
    @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
    public LocationView get(@PathParam("code") String code) {
        return LocationView.of(service.get(code));
    }
}
