package org.stockroom.desktop.connection;

import org.stockroom.client.ProblemException;
import org.stockroom.client.StockroomClient;
import org.stockroom.client.model.IssuedToken;

import java.nio.file.Path;

/**
 * Logs in: trades a user name and password for a bearer token, and opens a connection that
 * sends it. The password is used for this one request and not kept.
 */
public final class Login {

    /** Like the CLI's: a CA certificate to trust for an https server signed by a CA of your own. */
    static final String CA_CERT_VARIABLE = "STOCKROOM_CA_CERT";

    private Login() {
    }

    /** Logs in to {@code server}; a {@link ProblemException} (401) for wrong credentials. */
    public static ServerConnection logIn(String server, String username, char[] password) {
        IssuedToken issued;
        String root;
        try (StockroomClient anonymous = client(server).build()) {
            issued = anonymous.auth().logIn(username, password);
            root = anonymous.server().toString();
        }
        UserSession session = new UserSession(root, issued.username(), issued.role(), issued.expiresAt());
        return ServerConnection.open(client(server).bearerToken(issued.token()), session);
    }

    private static StockroomClient.Builder client(String server) {
        StockroomClient.Builder builder = StockroomClient.builder().server(server);
        String caCertificate = System.getenv(CA_CERT_VARIABLE);
        if (caCertificate != null && !caCertificate.isBlank()) {
            builder.trustedCertificates(Path.of(caCertificate.strip()));
        }
        return builder;
    }
}
