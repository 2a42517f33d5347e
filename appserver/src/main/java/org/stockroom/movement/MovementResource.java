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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.stockroom.api.Cursor;
import org.stockroom.api.Page;
import org.stockroom.api.PageRequest;
import org.stockroom.api.QueryParameters;
import org.stockroom.api.Text;
import org.stockroom.idempotency.IdempotentRequests;
import org.stockroom.problem.BadRequestException;
import org.stockroom.resilience.Resilient;

@Resilient
@ApplicationScoped
@RolesAllowed(Roles.VIEWER)
@Path("/movements")
@Produces(MediaType.APPLICATION_JSON)
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
    public Response record(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uriInfo,
                           @NotNull(message = "a JSON body is required") @Valid MovementRequest request) {
        return idempotent.created(idempotencyKey, uriInfo, request,
                () -> MovementView.of(service.record(request.command())), MovementView::id, null);
    }

    @GET
    public Page<MovementView> search(@QueryParam("sku") String sku,
                                     @QueryParam("location") String location,
                                     @QueryParam("since") String since,
                                     @QueryParam("limit") String limit,
                                     @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after);
        Long beforeId = page.after() == null ? null : movementId(Cursor.decode(page.after(), 1).getFirst());
        MovementQuery query = new MovementQuery(Text.trimmedOrNull(sku),
                Text.trimmedOrNull(location), QueryParameters.instant("since", Text.trimmedOrNull(since)));
        return Cursor.page(service.search(query, beforeId, page.fetchSize()).stream().map(MovementView::of).toList(),
                page, last -> Cursor.encode(Long.toString(last.id())));
    }

    @GET
    @Path("/{id: [0-9]+}")
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
