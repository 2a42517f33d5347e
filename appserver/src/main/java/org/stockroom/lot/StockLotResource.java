package org.stockroom.lot;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stockroom.api.Cursor;
import org.stockroom.api.ErrorResponses;
import org.stockroom.api.Page;
import org.stockroom.api.PageRequest;
import org.stockroom.api.StockroomApplication;
import org.stockroom.api.Text;
import org.stockroom.problem.BadRequestException;
import org.stockroom.resilience.Resilient;
import org.stockroom.security.Roles;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Stock by lot: what each location holds of each lot of the lot-tracked products. */
@Resilient
@ApplicationScoped
@RolesAllowed(Roles.VIEWER)
@Path("/stock/lots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lots", description = "Lots (batches) of lot-tracked products, their expiry dates, and what is on hand "
        + "of each")
@APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = ErrorResponses.UNAUTHORIZED)
@APIResponse(responseCode = "429", ref = ErrorResponses.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ErrorResponses.UNAVAILABLE)
public class StockLotResource {

    /** How a lot without an expiry date is written in a cursor. */
    private static final String NO_EXPIRY = "-";

    private final LotService service;

    @Inject
    public StockLotResource(LotService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "On hand per lot and location", description = "The lots in stock (more than 0 on hand), in "
            + "SKU, then location order, and within a location first expiry first (lots that do not expire last, "
            + "then by lot number), a page at a time. Unknown SKUs and locations give an empty page. Role: viewer.")
    @APIResponse(responseCode = "200", description = "A page of lot levels")
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Page<LotLevelView> levels(
            @Parameter(description = "Only this product") @QueryParam("sku") String sku,
            @Parameter(description = "Only this location") @QueryParam("location") String location,
            @Parameter(ref = StockroomApplication.LIMIT) @QueryParam("limit") String limit,
            @Parameter(ref = StockroomApplication.AFTER) @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after);
        LotQuery query = new LotQuery(Text.trimmedOrNull(sku), Text.trimmedOrNull(location));
        return Cursor.page(service.levels(query, page.after() == null ? null : keyOf(page.after()), page.fetchSize()),
                page, last -> Cursor.encode(last.sku(), last.location(),
                        last.expiresOn() == null ? NO_EXPIRY : last.expiresOn().toString(), last.lot()));
    }

    private static LotLevelKey keyOf(String cursor) {
        List<String> key = Cursor.decode(cursor, 4);
        try {
            LocalDate expiresOn = key.get(2).equals(NO_EXPIRY) ? null : LocalDate.parse(key.get(2));
            return new LotLevelKey(key.get(0), key.get(1), expiresOn, key.get(3));
        } catch (DateTimeParseException e) {
            throw new BadRequestException("The 'after' cursor is not one this server issued; "
                    + "pass the 'next' value of a previous page");
        }
    }
}
