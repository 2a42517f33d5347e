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

/**
 * {@code GET /events}: the ledger's movements and the stock levels they change, as server-sent
 * events, live, for anyone who may read stock. Not {@code @Resilient} itself: the method only opens
 * the stream; its reads of the database are {@link EventFeed}'s, which is.
 */
@ApplicationScoped
@RolesAllowed(Roles.VIEWER)
@Path("/events")
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
    public void stream(@Context SseEventSink sink, @Context Sse sse,
                       @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
                       @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                       @QueryParam("sku") String sku,
                       @QueryParam("location") String location) {
        // The filters let only a request with a valid token this far: the stream keeps it to check it again.
        Session session = currentUser.session().orElseThrow();
        String tokenHash = BearerTokens.fromAuthorization(authorization).map(BearerTokens::hash).orElseThrow();
        hub.open(sink, sse, new EventFilter(Text.trimmedOrNull(sku), Text.trimmedOrNull(location)),
                LastEventId.parse(lastEventId), tokenHash, session.expiresAt());
    }
}
