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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
import org.stockroom.problem.InvalidRequestException;
import org.stockroom.resilience.Resilient;
import org.stockroom.security.Roles;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Lots across products: the report of those that expire soon. */
@Resilient
@ApplicationScoped
@RolesAllowed(Roles.VIEWER)
@Path("/lots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lots")
@APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = ErrorResponses.UNAUTHORIZED)
@APIResponse(responseCode = "429", ref = ErrorResponses.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ErrorResponses.UNAVAILABLE)
public class LotResource {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 3650;

    private final LotService service;

    @Inject
    public LotResource(LotService service) {
        this.service = service;
    }

    @GET
    @Path("/expiring")
    @Operation(summary = "Lots in stock that expire soon", description = "A row per lot and location with stock "
            + "whose lot expires within the given number of days from today (the server's date), or has expired "
            + "already; soonest first (then SKU, lot number, location), a page at a time. Lots that do not expire "
            + "never appear. Role: viewer.")
    @APIResponse(responseCode = "200", description = "A page of expiring lots")
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Page<ExpiringLotView> expiring(
            @Parameter(description = "How many days ahead to look, 0 (today) to " + MAX_DAYS + "; " + DEFAULT_DAYS
                    + " when absent", schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                    maximum = "" + MAX_DAYS, defaultValue = "" + DEFAULT_DAYS))
            @QueryParam("days") String days,
            @Parameter(description = "Only this location") @QueryParam("location") String location,
            @Parameter(ref = StockroomApplication.LIMIT) @QueryParam("limit") String limit,
            @Parameter(ref = StockroomApplication.AFTER) @QueryParam("after") String after) {
        int horizon = days(days);
        PageRequest page = PageRequest.of(limit, after);
        return Cursor.page(service.expiring(horizon, Text.trimmedOrNull(location),
                        page.after() == null ? null : keyOf(page.after()), page.fetchSize()),
                page, last -> Cursor.encode(last.expiresOn().toString(), last.sku(), last.lot(), last.location()));
    }

    /** The {@code days} parameter: a whole number in range; anything else a 422, not the runtime's 404. */
    static int days(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_DAYS;
        }
        int days;
        try {
            days = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            days = -1;
        }
        if (days < 0 || days > MAX_DAYS) {
            throw new InvalidRequestException("days", "must be a whole number from 0 to " + MAX_DAYS);
        }
        return days;
    }

    private static ExpiringLotKey keyOf(String cursor) {
        List<String> key = Cursor.decode(cursor, 4);
        try {
            return new ExpiringLotKey(LocalDate.parse(key.get(0)), key.get(1), key.get(2), key.get(3));
        } catch (DateTimeParseException e) {
            throw new BadRequestException("The 'after' cursor is not one this server issued; "
                    + "pass the 'next' value of a previous page");
        }
    }
}
