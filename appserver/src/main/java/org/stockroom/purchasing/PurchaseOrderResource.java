package org.stockroom.purchasing;

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

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

@Resilient
@ApplicationScoped
@RolesAllowed(Roles.VIEWER)
@Path("/purchase-orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Purchase orders", description = "What was ordered from suppliers, received in one or several deliveries, "
        + "each delivery a RECEIVE movement per line")
@APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = ErrorResponses.UNAUTHORIZED)
@APIResponse(responseCode = "429", ref = ErrorResponses.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ErrorResponses.UNAVAILABLE)
public class PurchaseOrderResource {

    private final PurchaseOrderService service;
    private final IdempotentRequests idempotent;

    @Inject
    public PurchaseOrderResource(PurchaseOrderService service, IdempotentRequests idempotent) {
        this.service = service;
        this.idempotent = idempotent;
    }

    @RolesAllowed(Roles.MANAGER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a purchase order", description = "An OPEN order of one line per SKU. With "
            + "allowOverReceipt true, deliveries may bring more than was ordered. Role: manager.")
    @APIResponse(responseCode = "201", description = "The order, created",
            headers = {@Header(name = HttpHeaders.LOCATION, ref = HttpHeaders.LOCATION),
                    @Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
                    @Header(name = StockroomApplication.REPLAYED, ref = StockroomApplication.REPLAYED)},
            content = @Content(schema = @Schema(implementation = PurchaseOrderView.class)))
    @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)  // a product
    @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)  // already-exists, product-archived, in flight
    @APIResponse(responseCode = "413", ref = ErrorResponses.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Response create(@Parameter(ref = StockroomApplication.IDEMPOTENCY_KEY)
                           @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uriInfo,
                           @NotNull(message = "a JSON body is required") @Valid NewPurchaseOrderRequest request) {
        return idempotent.created(idempotencyKey, uriInfo, request,
                () -> PurchaseOrderView.of(service.create(request.command()), List.of()),
                PurchaseOrderView::number, created -> EntityTags.of(created.version()));
    }

    @GET
    @Operation(summary = "List purchase orders", description = "Newest first, a page at a time. Role: viewer.")
    @APIResponse(responseCode = "200", description = "A page of orders, without their lines")
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Page<PurchaseOrderSummaryView> search(
            @Parameter(description = "Only orders in this status",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"OPEN", "RECEIVED", "CANCELLED"}))
            @QueryParam("status") String status,
            @Parameter(description = "Only orders whose supplier contains this, ignoring case")
            @QueryParam("supplier") String supplier,
            @Parameter(ref = StockroomApplication.LIMIT) @QueryParam("limit") String limit,
            @Parameter(ref = StockroomApplication.AFTER) @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after);
        Long beforeId = page.after() == null ? null : orderId(Cursor.decode(page.after(), 1).getFirst());
        PurchaseOrderQuery query = new PurchaseOrderQuery(status(Text.trimmedOrNull(status)),
                Text.trimmedOrNull(supplier));
        Page<PurchaseOrder> orders = Cursor.page(service.search(query, beforeId, page.fetchSize()), page,
                last -> Cursor.encode(Long.toString(last.id())));
        return new Page<>(orders.items().stream().map(PurchaseOrderSummaryView::of).toList(), orders.next());
    }

    @GET
    @Path("/{number}")
    @Operation(summary = "Read a purchase order", description = "With its lines (ordered, received, outstanding) "
            + "and its deliveries; the ETag is the version, for If-Match. Role: viewer.")
    @APIResponse(responseCode = "200", description = "The order",
            headers = @Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = PurchaseOrderView.class)))
    @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
    public Response get(@PathParam("number") String number) {
        PurchaseOrderService.OrderWithReceipts found = service.get(number);
        PurchaseOrderView order = PurchaseOrderView.of(found.order(), found.receipts());
        return Response.ok(order).tag(EntityTags.of(order.version())).build();
    }

    @RolesAllowed(Roles.CLERK)
    @POST
    @Path("/{number}/receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a delivery", description = "Writes one RECEIVE movement per line into the "
            + "location, with the order's number as reference, and keeps the delivery: all or nothing. A line may "
            + "bring at most what is outstanding, unless the order allows over-receipt (else 409 over-receipt); the "
            + "order becomes RECEIVED when every line has arrived in full. Send an Idempotency-Key, so that a retried "
            + "delivery is received once. Role: clerk.")
    @APIResponse(responseCode = "201", description = "The delivery, received",
            headers = {@Header(name = HttpHeaders.LOCATION, ref = HttpHeaders.LOCATION),
                    @Header(name = StockroomApplication.REPLAYED, ref = StockroomApplication.REPLAYED)},
            content = @Content(schema = @Schema(implementation = PurchaseReceiptView.class)))
    @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)  // the order or the location
    // over-receipt, purchase-order-closed, product-archived, in flight
    @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)
    @APIResponse(responseCode = "413", ref = ErrorResponses.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)  // also a SKU not on the order
    public Response receive(@PathParam("number") String number,
                            @Parameter(ref = StockroomApplication.IDEMPOTENCY_KEY)
                            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uriInfo,
                            @NotNull(message = "a JSON body is required") @Valid ReceiptRequest request) {
        return idempotent.created(idempotencyKey, uriInfo, request,
                () -> PurchaseReceiptView.of(service.receive(number, request.delivery())),
                PurchaseReceiptView::id, null);
    }

    @GET
    @Path("/{number}/receipts/{id: [0-9]+}")
    @Operation(summary = "Read a delivery of a purchase order", description = "Role: viewer.")
    @APIResponse(responseCode = "200", description = "The delivery")
    @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
    public PurchaseReceiptView receipt(@PathParam("number") String number, @PathParam("id") long id) {
        return PurchaseReceiptView.of(service.receipt(number, id));
    }

    @RolesAllowed(Roles.MANAGER)
    @POST
    @Path("/{number}/cancel")
    @Operation(summary = "Cancel a purchase order", description = "Closes an OPEN order: what arrived stays "
            + "received and in stock, the outstanding rest is no longer expected, and no delivery is taken any more. "
            + "Send the ETag last read in If-Match. Role: manager.")
    @APIResponse(responseCode = "200", description = "The order as cancelled, with its new ETag",
            headers = @Header(name = HttpHeaders.ETAG, ref = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = PurchaseOrderView.class)))
    @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ErrorResponses.CONFLICT)  // purchase-order-closed
    @APIResponse(responseCode = "412", ref = ErrorResponses.EDIT_CONFLICT)
    @APIResponse(responseCode = "428", ref = ErrorResponses.PRECONDITION_REQUIRED)
    public Response cancel(@PathParam("number") String number,
                           @Parameter(description = "The ETag last read, e.g. \"3\"; * for any version", required = true)
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        EntityTags.requireIfMatch(ifMatch);
        PurchaseOrderService.OrderWithReceipts found =
                service.cancel(number, version -> EntityTags.matches(ifMatch, version));
        PurchaseOrderView cancelled = PurchaseOrderView.of(found.order(), found.receipts());
        return Response.ok(cancelled).tag(EntityTags.of(cancelled.version())).build();
    }

    private static PurchaseOrderStatus status(String value) {
        if (value == null) {
            return null;
        }
        try {
            return PurchaseOrderStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "must be one of "
                    + String.join(", ", Arrays.stream(PurchaseOrderStatus.values()).map(Enum::name).toList()));
        }
    }

    private static long orderId(String cursorKey) {
        try {
            return Long.parseLong(cursorKey);
        } catch (NumberFormatException e) {
            throw new BadRequestException("The 'after' cursor is not one this server issued");
        }
    }
}
