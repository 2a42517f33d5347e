package org.stockroom.audit;

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
import org.stockroom.api.QueryParameters;
import org.stockroom.api.StockroomApplication;
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
@Tag(name = "Audit", description = "Who changed what: every change made through the API, with its user")
@APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = ErrorResponses.UNAUTHORIZED)
@APIResponse(responseCode = "429", ref = ErrorResponses.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ErrorResponses.UNAVAILABLE)
public class AuditResource {

    private final AuditTrail trail;

    @Inject
    public AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @Operation(summary = "The audit trail", description = "Newest first, a page at a time. Role: manager.")
    @APIResponse(responseCode = "200", description = "A page of audit events")
    @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    public Page<AuditEventView> search(
            @Parameter(description = "Only events of this user (the exact name, ignoring case)")
            @QueryParam("user") String user,
            @Parameter(description = "Only events at or after this time: an ISO-8601 date-time with an offset, or a "
                    + "date (from its start in UTC)", example = "2026-11-19T08:00:00Z")
            @QueryParam("since") String since,
            @Parameter(ref = StockroomApplication.LIMIT) @QueryParam("limit") String limit,
            @Parameter(ref = StockroomApplication.AFTER) @QueryParam("after") String after) {
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
