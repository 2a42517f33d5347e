package org.stockroom.auth;

import java.util.Optional;

/** The users who may log in. */
public interface UserRepository {

    /** The user with this name, compared case-insensitively. */
    Optional<UserAccount> findByUsername(String username);
}
