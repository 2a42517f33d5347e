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
import org.stockroom.api.Cursor;
import org.stockroom.api.Page;
import org.stockroom.api.PageRequest;
import org.stockroom.api.QueryParameters;
import org.stockroom.api.Text;
import org.stockroom.resilience.Resilient;

import java.util.List;

/** The on-hand report: one row per product and location that has held stock. */
@Resilient
@ApplicationScoped
@RolesAllowed(Roles.VIEWER)
@Path("/stock")
@Produces(MediaType.APPLICATION_JSON)
public class StockResource {

    private final StockService service;

    @Inject
    public StockResource(StockService service) {
        this.service = service;
    }

    @GET
    public Page<StockLevelView> levels(@QueryParam("sku") String sku,
                                       @QueryParam("location") String location,
                                       @QueryParam("belowReorder") String belowReorder,
                                       @QueryParam("limit") String limit,
                                       @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after);
        List<String> key = page.after() == null ? null : Cursor.decode(page.after(), 2);
        StockQuery query = new StockQuery(Text.trimmedOrNull(sku), Text.trimmedOrNull(location),
                QueryParameters.flag("belowReorder", belowReorder));
        return Cursor.page(service.levels(query, key == null ? null : key.get(0), key == null ? null : key.get(1),
                page.fetchSize()), page, last -> Cursor.encode(last.sku(), last.location()));
    }
}
