package org.stockroom.auth.user;

import org.stockroom.security.Role;

import java.util.List;
import java.util.Optional;

/** The users who may log in. User names are compared case-insensitively everywhere. */
public interface UserRepository {

    /** The user with this name. */
    Optional<UserAccount> findByUsername(String username);

    /** The user with this name, its row locked until the transaction ends, so that other changes of it wait. */
    Optional<UserAccount> findByUsernameForUpdate(String username);

    /** Up to {@code limit} users ordered by name, after {@code afterUsername} if it is not null. */
    List<UserAccount> list(String afterUsername, int limit);

    /** Adds a user; empty if the name is taken (ignoring case). */
    Optional<UserAccount> add(String username, String passwordHash, Role role);

    /**
     * Locks the rows of all enabled administrators until the transaction ends and returns how
     * many there are: changes that could leave no administrator are then made one at a time.
     */
    int lockEnabledAdmins();

    void changeRole(long userId, Role role);

    void changeDisabled(long userId, boolean disabled);

    /** Stores a new password's hash and sets {@code password_changed_at} to now. */
    void changePassword(long userId, String passwordHash);

    /**
     * Replaces the hash of the same password by a stronger one, if the stored hash is still
     * {@code oldHash}; {@code password_changed_at} stays as it is.
     */
    void rehash(long userId, String oldHash, String newHash);
}
