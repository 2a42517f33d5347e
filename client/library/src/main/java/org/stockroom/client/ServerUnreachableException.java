package org.stockroom.client;

import java.net.URI;

/**
 * No answer from the server: connection refused, unknown host, or a timeout.
 * The message is one line fit to show a person, e.g.
 * {@code cannot reach the Stockroom server at http://127.0.0.1:8080 (connection refused)}.
 */
public final class ServerUnreachableException extends StockroomClientException {

    private final URI server;
    private final String reason;

    public ServerUnreachableException(URI server, String reason, Throwable cause) {
        super("cannot reach the Stockroom server at " + server + " (" + reason + ")", cause);
        this.server = server;
        this.reason = reason;
    }

    public URI server() {
        return server;
    }

    /** Why, in a few words: "connection refused", "unknown host example.org", ... */
    public String reason() {
        return reason;
    }
}
