package org.stockroom.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a PostgreSQL database is and how to log in to it.
 *
 * @param jdbcUrl  a {@code jdbc:postgresql://...} URL
 * @param user     the login role
 * @param password its password, empty when the server trusts local connections
 */
public record DatabaseCoordinates(String jdbcUrl, String user, String password) {

    /** The environment variables that point Stockroom at an external PostgreSQL. */
    public static final String URL_VARIABLE = "STOCKROOM_DB_URL";
    public static final String USER_VARIABLE = "STOCKROOM_DB_USER";
    public static final String PASSWORD_VARIABLE = "STOCKROOM_DB_PASSWORD";

    public DatabaseCoordinates {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    URL_VARIABLE + " must be a jdbc:postgresql:// URL, not " + jdbcUrl);
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** The external database named by {@code STOCKROOM_DB_URL}, if that variable is set. */
    public static Optional<DatabaseCoordinates> fromEnvironment(Map<String, String> environment) {
        String url = environment.get(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new DatabaseCoordinates(url.strip(),
                environment.getOrDefault(USER_VARIABLE, ""),
                environment.getOrDefault(PASSWORD_VARIABLE, "")));
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user.isEmpty() ? null : user, password.isEmpty() ? null : password);
    }

    @Override
    public String toString() {  // never print the password
        return "DatabaseCoordinates[" + jdbcUrl + " as " + user + "]";
    }
}
