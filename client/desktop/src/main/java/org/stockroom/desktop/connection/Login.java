package org.stockroom.desktop.connection;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.stockroom.client.ProblemException;
import org.stockroom.client.StockroomClient;

import java.time.Instant;
import java.util.Map;

/**
 * Logs in: trades a user name and password for a bearer token, and opens a connection that
 * sends it. The password is used for this one request and not kept.
 */
public final class Login {

    private Login() {
    }

    /** Logs in to {@code server}; a {@link ProblemException} (401) for wrong credentials. */
    public static ServerConnection logIn(String server, String username, char[] password) {
        StockroomClient.Builder builder = StockroomClient.builder().server(server);
        try (StockroomClient anonymous = builder.build()) {
            var issued = anonymous.logIn(username, password);
            UserSession session = new UserSession(anonymous.server().toString(), issued.username(), issued.role(),
                    issued.expiresAt());
            return ServerConnection.open(StockroomClient.builder().server(server).bearerToken(issued.token()), session);
        }
    }
}
