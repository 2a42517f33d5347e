package org.stockroom.unit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stockroom.api.ErrorResponses;
import org.stockroom.api.Page;
import org.stockroom.resilience.Resilient;
import org.stockroom.security.Roles;

/**
 * The units of measure and the decimal places each counts in. The list is short and kept by
 * migrations, so it is one page. A unit not listed counts in whole units; each product shows its
 * own {@code decimalPlaces}.
 */
@Resilient
@ApplicationScoped
@RolesAllowed(Roles.VIEWER)
@Path("/units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Units", description = "Units of measure: a product's unit decides the decimal places of its quantities")
@APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = ErrorResponses.UNAUTHORIZED)
@APIResponse(responseCode = "429", ref = ErrorResponses.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ErrorResponses.UNAVAILABLE)
public class UnitResource {

    private final Units units;

    @Inject
    public UnitResource(Units units) {
        this.units = units;
    }

    @GET
    @Operation(summary = "List units of measure",
            description = "Every listed unit with its decimal places, by code, in one page. Role: viewer.")
    @APIResponse(responseCode = "200", description = "Every listed unit")
    public Page<UnitView> list() {
        return new Page<>(units.all().stream().map(UnitView::of).toList(), null);
    }
}
