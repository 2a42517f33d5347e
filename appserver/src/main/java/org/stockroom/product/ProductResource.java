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
import org.stockroom.api.QueryParameters;
import org.stockroom.api.StockroomApplication;
import org.stockroom.api.Text;
import org.stockroom.idempotency.IdempotentRequests;
import org.stockroom.problem.InvalidRequestException;
import org.stockroom.resilience.Resilient;

@Resilient
@ApplicationScoped
@RolesAllowed(Roles.VIEWER)
@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Products", description = "What is stocked: SKU, name, unit, reorder point; archived, never deleted")
@APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = ErrorResponses.UNAUTHORIZED)
@APIResponse(responseCode = "429", ref = ErrorResponses.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ErrorResponses.UNAVAILABLE)
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
    @Operation(summary = "Create a product", description = "Role: manager.")
    @APIResponse(responseCode = "201", description = "The product, created",
            headers = {@Header(name = HttpHeaders.LOCATION, ref = HttpHeaders.LOCATION),
                    @Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
                    @Header(name = StockroomApplication.REPLAYED, ref = StockroomApplication.REPLAYED)},
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)  // already-exists, idempotency-key-in-flight
    @APIResponse(responseCode = "413", ref = ErrorResponses.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Response create(@Parameter(ref = StockroomApplication.IDEMPOTENCY_KEY)
                           @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uriInfo,
                           @NotNull(message = "a JSON body is required") @Valid NewProductRequest request) {
        return idempotent.created(idempotencyKey, uriInfo, request,
                () -> ProductView.of(service.create(Sku.of(request.sku()), request.details())),
                ProductView::sku, created -> EntityTags.of(created.version()));
    }

    @GET
    @Operation(summary = "List and search products", description = "In SKU order, a page at a time; archived "
            + "products only with includeArchived. Role: viewer.")
    @APIResponse(responseCode = "200", description = "A page of products")
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Page<ProductView> search(
            @Parameter(description = "Only products whose SKU or name contains this, ignoring case")
            @QueryParam("q") String text,
            @Parameter(description = "Only this category, exactly")
            @QueryParam("category") String category,
            @Parameter(description = "true: only products whose total on hand is below their reorder point",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("belowReorder") String belowReorder,
            @Parameter(description = "true: archived products too", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("includeArchived") String includeArchived,
            @Parameter(ref = StockroomApplication.LIMIT) @QueryParam("limit") String limit,
            @Parameter(ref = StockroomApplication.AFTER) @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after);
        String afterSku = page.after() == null ? null : Cursor.decode(page.after(), 1).getFirst();
        ProductQuery query = new ProductQuery(Text.trimmedOrNull(text), Text.trimmedOrNull(category),
                QueryParameters.flag("belowReorder", belowReorder), QueryParameters.flag("includeArchived", includeArchived));
        return Cursor.page(service.search(query, afterSku, page.fetchSize()).stream().map(ProductView::of).toList(),
                page, last -> Cursor.encode(last.sku()));
    }

    @GET
    @Path("/{sku}")
    @Operation(summary = "Read a product", description = "Archived ones too; the ETag is the version, for "
            + "If-Match. Role: viewer.")
    @APIResponse(responseCode = "200", description = "The product",
            headers = @Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
    public Response get(@PathParam("sku") String sku) {
        ProductView product = ProductView.of(service.get(sku));
        return Response.ok(product).tag(EntityTags.of(product.version())).build();
    }

    @RolesAllowed(Roles.MANAGER)
    @PUT
    @Path("/{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a product's details", description = "Replaces every editable field (an omitted "
            + "one is cleared or reset to its default); the read-only fields of a product as read are accepted and "
            + "ignored. Role: manager.")
    @APIResponse(responseCode = "200", description = "The product as changed, with its new ETag",
            headers = @Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
    @APIResponse(responseCode = "412", ref = ErrorResponses.EDIT_CONFLICT)
    @APIResponse(responseCode = "413", ref = ErrorResponses.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    @APIResponse(responseCode = "428", ref = ErrorResponses.PRECONDITION_REQUIRED)
    public Response revise(@PathParam("sku") String sku,
                           @Parameter(description = "The ETag last read, e.g. \"3\"; * for any version", required = true)
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
    @Operation(summary = "Archive a product", description = "Nothing is deleted: the product keeps its history and "
            + "its SKU, and takes no new stock. Refused while any location holds some. Role: manager.")
    @APIResponse(responseCode = "204", description = "Archived (or it was already)")
    @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)  // stock-on-hand
    public Response archive(@PathParam("sku") String sku) {
        service.archive(sku);
        return Response.noContent().build();
    }

}
