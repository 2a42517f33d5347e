package org.stockroom.stock;

import jakarta.annotation.security.RolesAllowed;
import org.stockroom.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
import org.stockroom.resilience.Resilient;

import java.util.List;

/** The on-hand report: one row per product and location that has held stock. */
@Resilient
@ApplicationScoped
@RolesAllowed(Roles.VIEWER)
@Path("/stock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stock", description = "What is on hand, per product and location")
@APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = ErrorResponses.UNAUTHORIZED)
@APIResponse(responseCode = "429", ref = ErrorResponses.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ErrorResponses.UNAVAILABLE)
public class StockResource {

    private final StockService service;

    @Inject
    public StockResource(StockService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "On hand per product and location", description = "In SKU then location order, a page at "
            + "a time: a row for every location that has ever held the product, also at 0 now. Role: viewer.")
    @APIResponse(responseCode = "200", description = "A page of stock levels")
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Page<StockLevelView> levels(
            @Parameter(description = "Only this product") @QueryParam("sku") String sku,
            @Parameter(description = "Only this location") @QueryParam("location") String location,
            @Parameter(description = "true: only rows of products whose total on hand is below their reorder point",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("belowReorder") String belowReorder,
            @Parameter(ref = StockroomApplication.LIMIT) @QueryParam("limit") String limit,
            @Parameter(ref = StockroomApplication.AFTER) @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after);
        List<String> key = page.after() == null ? null : Cursor.decode(page.after(), 2);
        StockQuery query = new StockQuery(Text.trimmedOrNull(sku), Text.trimmedOrNull(location),
                QueryParameters.flag("belowReorder", belowReorder));
        return Cursor.page(service.levels(query, key == null ? null : key.get(0), key == null ? null : key.get(1),
                page.fetchSize()), page, last -> Cursor.encode(last.sku(), last.location()));
    }
}
