package org.stockroom.product;

import jakarta.annotation.security.RolesAllowed;
import org.stockroom.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.stockroom.api.QueryParameters;
import org.stockroom.api.Text;
import org.stockroom.idempotency.IdempotentRequests;
import org.stockroom.problem.InvalidRequestException;
import org.stockroom.resilience.Resilient;

@Resilient
@ApplicationScoped
@RolesAllowed(Roles.VIEWER)
@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    private final ProductService service;
    private final IdempotentRequests idempotent;

    @Inject
    public ProductResource(ProductService service, IdempotentRequests idempotent) {
        this.service = service;
        this.idempotent = idempotent;
    }

    @RolesAllowed(Roles.MANAGER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uriInfo,
                           @NotNull(message = "a JSON body is required") @Valid NewProductRequest request) {
        return idempotent.created(idempotencyKey, uriInfo, request,
                () -> ProductView.of(service.create(Sku.of(request.sku()), request.details())),
                ProductView::sku, created -> EntityTags.of(created.version()));
    }

    @GET
    public Page<ProductView> search(@QueryParam("q") String text,
                                    @QueryParam("category") String category,
                                    @QueryParam("belowReorder") String belowReorder,
                                    @QueryParam("includeArchived") String includeArchived,
                                    @QueryParam("limit") String limit,
                                    @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after);
        String afterSku = page.after() == null ? null : Cursor.decode(page.after(), 1).getFirst();
        ProductQuery query = new ProductQuery(Text.trimmedOrNull(text), Text.trimmedOrNull(category),
                QueryParameters.flag("belowReorder", belowReorder), QueryParameters.flag("includeArchived", includeArchived));
        return Cursor.page(service.search(query, afterSku, page.fetchSize()).stream().map(ProductView::of).toList(),
                page, last -> Cursor.encode(last.sku()));
    }

    @GET
    @Path("/{sku}")
    public Response get(@PathParam("sku") String sku) {
        ProductView product = ProductView.of(service.get(sku));
        return Response.ok(product).tag(EntityTags.of(product.version())).build();
    }

    @RolesAllowed(Roles.MANAGER)
    @PUT
    @Path("/{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response revise(@PathParam("sku") String sku,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull(message = "a JSON body is required") @Valid ProductUpdateRequest request) {
        EntityTags.requireIfMatch(ifMatch);
        if (request.sku() != null && !request.sku().equals(sku)) {
            throw new InvalidRequestException("/sku", "cannot be changed; it must equal the SKU in the path");
        }
        ProductView revised = ProductView.of(
                service.revise(sku, version -> EntityTags.matches(ifMatch, version), request.details()));
        return Response.ok(revised).tag(EntityTags.of(revised.version())).build();
    }

    @RolesAllowed(Roles.MANAGER)
    @DELETE
    @Path("/{sku}")
    public Response archive(@PathParam("sku") String sku) {
        service.archive(sku);
        return Response.noContent().build();
    }

}
