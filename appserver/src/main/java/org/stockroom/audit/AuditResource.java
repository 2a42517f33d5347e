package org.stockroom.audit;

import jakarta.annotation.security.RolesAllowed;
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
import org.stockroom.problem.BadRequestException;
import org.stockroom.resilience.Resilient;
import org.stockroom.security.Roles;

/** The audit trail, newest first: for managers and admins, who answer for what the others did. */
@Resilient
@ApplicationScoped
@RolesAllowed(Roles.MANAGER)
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditTrail trail;

    @Inject
    public AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    public Page<AuditEventView> search(@QueryParam("user") String user,
                                       @QueryParam("since") String since,
                                       @QueryParam("limit") String limit,
                                       @QueryParam("after") String after) {
        PageRequest page = PageRequest.of(limit, after);
        Long beforeId = page.after() == null ? null : eventId(Cursor.decode(page.after(), 1).getFirst());
        AuditQuery query = new AuditQuery(Text.trimmedOrNull(user),
                QueryParameters.instant("since", Text.trimmedOrNull(since)));
        return Cursor.page(trail.search(query, beforeId, page.fetchSize()).stream().map(AuditEventView::of).toList(),
                page, last -> Cursor.encode(Long.toString(last.id())));
    }

    private static long eventId(String cursorKey) {
        try {
            return Long.parseLong(cursorKey);
        } catch (NumberFormatException e) {
            throw new BadRequestException("The 'after' cursor is not one this server issued");
        }
    }
}
