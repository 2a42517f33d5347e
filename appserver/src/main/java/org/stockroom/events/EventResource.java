package org.stockroom.events;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.stockroom.api.Text;
import org.stockroom.auth.token.BearerTokens;
import org.stockroom.security.CurrentUser;
import org.stockroom.security.Roles;
import org.stockroom.security.Session;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stockroom.api.ErrorResponses;

/**
 * {@code GET /events}: the ledger's movements and the stock levels they change, as server-sent
 * events, live, for anyone who may read stock. Not {@code @Resilient} itself: the method only opens
 * the stream; its reads of the database are {@link EventFeed}'s, which is.
 */
@ApplicationScoped
@RolesAllowed(Roles.VIEWER)
@Path("/events")
@Tag(name = "Events", description = "The live stream of the ledger")
public class EventResource {

    private final EventHub hub;
    private final CurrentUser currentUser;

    @Inject
    public EventResource(EventHub hub, CurrentUser currentUser) {
        this.hub = hub;
        this.currentUser = currentUser;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Watch movements and stock levels live", description = "Server-sent events: 'ready', then "
            + "a 'movement' (as GET /movements/{id}) and a 'level' (as a GET /stock row) per location it changed, "
            + "'reset' when a stream cannot be resumed, and heartbeat comments. Role: viewer.")
    @APIResponse(responseCode = "200", description = "The stream, open until the client or the token ends it",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ErrorResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "422", ref = ErrorResponses.INVALID_FIELDS)
    @APIResponse(responseCode = "429", ref = ErrorResponses.TOO_MANY_REQUESTS)
    @APIResponse(responseCode = "503", ref = ErrorResponses.UNAVAILABLE)
    public void stream(@Context SseEventSink sink, @Context Sse sse,
                       @Parameter(description = "The id of the last event received: the stream resumes after it")
                       @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
                       @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                       @Parameter(description = "Only this product's events") @QueryParam("sku") String sku,
                       @Parameter(description = "Only this location's events") @QueryParam("location") String location) {
        // The filters let only a request with a valid token this far: the stream keeps it to check it again.
        Session session = currentUser.session().orElseThrow();
        String tokenHash = BearerTokens.fromAuthorization(authorization).map(BearerTokens::hash).orElseThrow();
        hub.open(sink, sse, new EventFilter(Text.trimmedOrNull(sku), Text.trimmedOrNull(location)),
                LastEventId.parse(lastEventId), tokenHash, session.expiresAt());
    }
}
