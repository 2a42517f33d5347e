package org.stockroom.client;

import org.stockroom.client.model.NewPassword;
import org.stockroom.client.model.NewUser;
import org.stockroom.client.model.User;
import org.stockroom.client.model.UserChanges;

/** User accounts, for administrators only: {@code /users}. From {@link StockroomClient#users()}. */
public final class Users {

    private final Transport transport;

    Users(Transport transport) {
        this.transport = transport;
    }

    public Page<User> list(Integer limit, String after) {
        return transport.page("/users" + new QueryString().page(limit, after), User.class);
    }

    public User get(String username) {
        return transport.send(Call.get("/users" + QueryString.segment(username)), User.class);
    }

    /** Creates a user; sent once (a repeat would answer 409, the name being taken by then). */
    public User create(NewUser user) {
        return transport.send(Call.post("/users", user), User.class);
    }

    /** Changes a user's role or disables/enables them; only the non-null fields of {@code changes}. */
    public User change(String username, UserChanges changes) {
        return transport.send(Call.patch("/users" + QueryString.segment(username), changes), User.class);
    }

    /** Sets a new password for a user who forgot theirs (an administrator's reset). */
    public void resetPassword(String username, char[] newPassword) {
        transport.send(Call.post("/users" + QueryString.segment(username) + "/password",
                new NewPassword(new String(newPassword))));
    }
}
