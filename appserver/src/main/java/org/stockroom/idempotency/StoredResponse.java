package org.stockroom.idempotency;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.stockroom.api.JsonbConfiguration;

import java.net.URI;

/**
 * The first successful answer to a keyed request, as stored and replayed: status, the JSON
 * body as the client received it, and the {@code Location} and {@code ETag} headers (null
 * when the answer had none).
 */
public record StoredResponse(String fingerprint, int status, String body, String location, String etag) {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** The answer an action returned, with its entity written as JSON by the server's JSON-B. */
    static StoredResponse of(String fingerprint, Response response) {
        String body = response.hasEntity() ? JsonbConfiguration.jsonb().toJson(response.getEntity()) : "";
        return new StoredResponse(fingerprint, response.getStatus(), body,
                response.getHeaderString(HttpHeaders.LOCATION), response.getHeaderString(HttpHeaders.ETAG));
    }

    /** The answer to send: the same for the first request and each replay, but for {@code Idempotent-Replayed}. */
    Response toResponse(boolean replayed) {
        Response.ResponseBuilder answer = Response.status(status);
        if (!body.isEmpty()) {
            answer.entity(body).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (location != null) {
            answer.location(URI.create(location));
        }
        if (etag != null) {
            answer.header(HttpHeaders.ETAG, etag);
        }
        if (replayed) {
            answer.header(REPLAYED_HEADER, "true");
        }
        return answer.build();
    }
}
