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
import org.stockroom.api.Cursor;
import org.stockroom.api.EntityTags;
import org.stockroom.api.Page;
import org.stockroom.api.PageRequest;
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
    public Response open(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uriInfo,
                         @NotNull(message = "a JSON body is required") @Valid NewStocktakeRequest request) {
        return idempotent.created(idempotencyKey, uriInfo, request,
                () -> StocktakeView.of(service.open(request.location().strip(), request.skus())),
                StocktakeView::id, opened -> EntityTags.of(opened.version()));
    }

    @GET
    public Page<StocktakeSummaryView> search(@QueryParam("status") String status,
                                             @QueryParam("location") String location,
                                             @QueryParam("limit") String limit,
                                             @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after);
        Long beforeId = page.after() == null ? null : stocktakeId(Cursor.decode(page.after(), 1).getFirst());
        StocktakeQuery query = new StocktakeQuery(status(Text.trimmedOrNull(status)), Text.trimmedOrNull(location));
        return Cursor.page(service.search(query, beforeId, page.fetchSize()).stream()
                .map(StocktakeSummaryView::of).toList(), page, last -> Cursor.encode(Long.toString(last.id())));
    }

    @GET
    @Path("/{id: [0-9]+}")
    public Response get(@PathParam("id") long id) {
        return withTag(StocktakeView.of(service.get(id)));
    }

    @RolesAllowed(Roles.CLERK)
    @PUT
    @Path("/{id: [0-9]+}/lines/{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    public StocktakeLineView count(@PathParam("id") long id, @PathParam("sku") String sku,
                                   @NotNull(message = "a JSON body is required") @Valid CountRequest request) {
        return StocktakeLineView.of(service.count(id, sku, request.counted()));
    }

    @RolesAllowed(Roles.MANAGER)
    @POST
    @Path("/{id: [0-9]+}/post")
    public Response post(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
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
