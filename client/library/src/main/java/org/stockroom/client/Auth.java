package org.stockroom.client;

import org.stockroom.client.model.Credentials;
import org.stockroom.client.model.IssuedToken;
import org.stockroom.client.model.PasswordChange;
import org.stockroom.client.model.Session;

/** Log-in, log-out and the caller's own account: {@code /auth}. From {@link StockroomClient#auth()}. */
public final class Auth {

    private final Transport transport;

    Auth(Transport transport) {
        this.transport = transport;
    }

    /**
     * Logs in: the server checks the password and issues a bearer token, valid until
     * {@link IssuedToken#expiresAt()}. Sent once, and without this client's own token. Wrong
     * credentials throw {@link NotAuthenticatedException} (with {@code tokenSent() == false}).
     * The password is turned into the request body here; the caller may clear its array after.
     */
    public IssuedToken logIn(String username, char[] password) {
        Credentials credentials = new Credentials(username, new String(password));
        return transport.send(Call.post("/auth/token", credentials).withoutToken(), IssuedToken.class);
    }

    /** Who the server takes this client's token to be, and until when it is valid. */
    public Session me() {
        return transport.send(Call.get("/auth/me"), Session.class);
    }

    /** Revokes this client's token on the server; it is of no use afterwards, here or anywhere. */
    public void logOut() {
        transport.send(Call.post("/auth/logout", null));
    }

    /**
     * Changes the caller's own password. The server then revokes every token of the user,
     * this client's included: log in again with the new password.
     */
    public void changePassword(char[] currentPassword, char[] newPassword) {
        transport.send(Call.post("/auth/password",
                new PasswordChange(new String(currentPassword), new String(newPassword))));
    }
}
