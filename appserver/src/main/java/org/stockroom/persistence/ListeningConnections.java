package org.stockroom.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * Opens {@link ListeningConnection}s to the application's database, outside the pool: the one
 * place that reads the data source's coordinates for them, whoever listens.
 */
@ApplicationScoped
public class ListeningConnections {

    private final String jdbcUrl;
    private final Optional<String> user;
    private final Optional<String> password;

    @Inject
    public ListeningConnections(
            @ConfigProperty(name = "javax.sql.DataSource.stockroom.jdbcUrl") String jdbcUrl,
            @ConfigProperty(name = "javax.sql.DataSource.stockroom.username") Optional<String> user,
            @ConfigProperty(name = "javax.sql.DataSource.stockroom.password") Optional<String> password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** A connection listening on {@code channels} for {@code handler}, started. */
    public ListeningConnection open(String name, List<String> channels, ListeningConnection.Handler handler) {
        ListeningConnection connection = new ListeningConnection(name, jdbcUrl, user, password, channels, handler);
        connection.start();
        return connection;
    }
}
