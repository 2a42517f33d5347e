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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.stockroom.api.Cursor;
import org.stockroom.api.Page;
import org.stockroom.api.PageRequest;
import org.stockroom.idempotency.IdempotentRequests;
import org.stockroom.resilience.Resilient;

@Resilient
@ApplicationScoped
@RolesAllowed(Roles.VIEWER)
@Path("/locations")
@Produces(MediaType.APPLICATION_JSON)
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
    public Response create(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uriInfo,
                           @NotNull(message = "a JSON body is required") @Valid NewLocationRequest request) {
        return idempotent.created(idempotencyKey, uriInfo, request,
                () -> LocationView.of(service.create(LocationCode.of(request.code()), request.name())),
                LocationView::code, null);
    }

    @GET
    public Page<LocationView> list(@QueryParam("limit") String limit, @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after);
        String afterCode = page.after() == null ? null : Cursor.decode(page.after(), 1).getFirst();
        return Cursor.page(service.list(afterCode, page.fetchSize()).stream().map(LocationView::of).toList(),
                page, last -> Cursor.encode(last.code()));
    }

    @GET
    @Path("/{code}")
    public LocationView get(@PathParam("code") String code) {
        return LocationView.of(service.get(code));
    }
}
