package org.stockroom.unit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
public class UnitResource {

    private final Units units;

    @Inject
    public UnitResource(Units units) {
        this.units = units;
    }

    @GET
    public Page<UnitView> list() {
        return new Page<>(units.all().stream().map(UnitView::of).toList(), null);
    }
}
