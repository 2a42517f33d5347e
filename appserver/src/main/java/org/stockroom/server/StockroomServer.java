package org.stockroom.server;

import io.helidon.logging.common.LogConfig;
import io.helidon.microprofile.server.Server;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.stockroom.auth.user.FirstAdmin;
import org.stockroom.auth.password.PasswordHasher;
import org.stockroom.database.BootstrapLock;
import org.stockroom.database.DatabaseCoordinates;
import org.stockroom.database.DatabaseMigrations;
import org.stockroom.database.DemoData;
import org.stockroom.database.EmbeddedDatabase;

import java.io.IOException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the Stockroom application server: its database (an embedded PostgreSQL unless
 * {@code STOCKROOM_DB_URL} names one), the schema migrations, the demo data on a first
 * run, then the Jakarta REST application on Helidon.
 *
 * <p>This bootstrap is the only Helidon-specific code; resources, services and entities
 * use the Jakarta APIs alone.
 */
public final class StockroomServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StockroomServer.class.getName());

    private final Server server;
    private final String host;
    private final boolean tls;
    private final EmbeddedDatabase embeddedDatabase;
    private final DatabaseCoordinates database;
    /** The generated password of the first admin, shown once in the banner; null when none was generated. */
    private final String generatedAdminPassword;

    private StockroomServer(Server server, String host, boolean tls, EmbeddedDatabase embeddedDatabase,
                            DatabaseCoordinates database, String generatedAdminPassword) {
        this.server = server;
        this.host = host;
        this.tls = tls;
        this.embeddedDatabase = embeddedDatabase;
        this.database = database;
        this.generatedAdminPassword = generatedAdminPassword;
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        StockroomServer running;
        try {
            running = start(ServerSettings.fromEnvironment(System.getenv()));
        } catch (IllegalArgumentException e) {
            // A setting is wrong: the message says which and why; a stack trace would only bury it.
            LOG.severe("Stockroom could not start: " + e.getMessage());
            System.exit(1);
            return;
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "Stockroom could not start: " + e.getMessage(), e);
            System.exit(1);
            return;
        }
        if (AotTraining.requested()) {
            // A training run for the JDK's AOT cache: serve the common requests once, then stop;
            // the JVM writes the cache as it exits.
            AotTraining.run(running.scheme() + "://127.0.0.1:" + running.port(), FirstAdmin.USERNAME,
                    System.getenv(ServerSettings.ADMIN_PASSWORD_VARIABLE));
            running.close();
            System.exit(0);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "stockroom-shutdown"));
        System.out.println(running.banner());
    }

    public static StockroomServer start(ServerSettings settings) throws IOException, SQLException {
        // Before the database: a wrong keystore password fails at once, in one line.
        String tlsKeyAlias = settings.tls().map(ServerKeystore::keyAlias).orElse(null);
        EmbeddedDatabase embedded = null;
        String host = settings.httpHost();
        DatabaseCoordinates database;
        if (settings.externalDatabase().isPresent()) {
            database = settings.externalDatabase().get();
        } else {
            LOG.info("Starting the embedded PostgreSQL with its data in " + settings.dataDirectory().resolve("postgres"));
            embedded = EmbeddedDatabase.startPersistent(settings.dataDirectory().resolve("postgres"),
                    settings.embeddedDatabasePort());
            database = embedded.coordinates();
        }
        try {
            FirstAdmin.Outcome firstAdmin = prepare(database, settings);
            Server server = Server.builder()
                    .config(runtimeConfig(settings, database, tlsKeyAlias))
                    .host(settings.httpHost())
                    .port(settings.httpPort())
                    .build()
                    .start();
            return new StockroomServer(server, host, settings.tls().isPresent(), embedded, database,
                    firstAdmin.generatedPassword().orElse(null));
        } catch (RuntimeException | SQLException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /**
     * Brings the database up to date, loads the demo data into an empty one and makes sure there is
     * an administrator: one server at a time, so that servers started together do each step once.
     */
    public static FirstAdmin.Outcome prepare(DatabaseCoordinates database, ServerSettings settings) throws SQLException {
        try (BootstrapLock ignored = BootstrapLock.acquire(database)) {
            int migrations = DatabaseMigrations.migrate(database);
            LOG.info(() -> "Database " + database.jdbcUrl() + " is up to date (" + migrations + " migrations applied now)");
            if (settings.demoData() && DemoData.loadIfEmpty(database)) {
                LOG.info("Loaded the demo data into the empty database");
            }
            FirstAdmin.Outcome firstAdmin = FirstAdmin.ensure(database, settings.adminPassword(), settings.demoData(),
                    new PasswordHasher());
            reportFirstAdmin(firstAdmin.kind());
            return firstAdmin;
        }
    }

    /** Says what became of the first administrator; never logs a password. */
    private static void reportFirstAdmin(FirstAdmin.Kind outcome) {
        switch (outcome) {
            case ADMIN_EXISTS -> LOG.fine("An administrator exists already");
            case CREATED_WITH_CONFIGURED_PASSWORD -> LOG.info("Created the first administrator, user '"
                    + FirstAdmin.USERNAME + "', with the password from " + ServerSettings.ADMIN_PASSWORD_VARIABLE);
            case CREATED_WITH_GENERATED_PASSWORD -> LOG.info("Created the first administrator, user '"
                    + FirstAdmin.USERNAME + "', with a generated password (shown once, below)");
            case NOT_CREATED -> LOG.warning("There is no administrator and none was created. To create one, start the"
                    + " server once with " + ServerSettings.ADMIN_PASSWORD_VARIABLE + " set (at least "
                    + ServerSettings.MIN_ADMIN_PASSWORD_LENGTH + " characters): it then creates the user '"
                    + FirstAdmin.USERNAME + "' with that password. See docs/security.md.");
            case NAME_TAKEN -> LOG.warning("There is no administrator, and the user name '" + FirstAdmin.USERNAME
                    + "' belongs to a user of another role, so none was created. See docs/security.md.");
        }
    }

    /** Hands the database, the data directory, the TTLs, the rate limits, TLS and the body limit to the runtime through MicroProfile Config. */
    private static Config runtimeConfig(ServerSettings settings, DatabaseCoordinates database, String tlsKeyAlias) {
        String dataSource = "javax.sql.DataSource.stockroom.";
        Map<String, String> properties = new HashMap<>();
        properties.put(dataSource + "jdbcUrl", withTimeouts(database.jdbcUrl()));
        properties.put(dataSource + "maximumPoolSize", Integer.toString(settings.databasePoolSize()));
        properties.put(dataSource + "minimumIdle", Integer.toString(Math.min(2, settings.databasePoolSize())));
        if (!database.user().isEmpty()) {
            properties.put(dataSource + "username", database.user());
        }
        if (!database.password().isEmpty()) {
            properties.put(dataSource + "password", database.password());
        }
        properties.put("stockroom.idempotency.ttl", settings.idempotencyTtl().toString());
        properties.put("stockroom.auth.token-ttl", settings.tokenTtl().toString());
        properties.put("stockroom.auth.session-cache-ttl", settings.sessionCacheTtl().toString());
        properties.put("stockroom.rate-limit.per-user", Integer.toString(settings.rateLimits().perUser()));
        properties.put("stockroom.rate-limit.per-address", Integer.toString(settings.rateLimits().perAddress()));
        settings.tls().ifPresent(tls -> {
            // Helidon's server TLS: with a private key configured, the one port speaks HTTPS only.
            properties.put("server.tls.private-key.keystore.resource.path", tls.keystore().toString());
            properties.put("server.tls.private-key.keystore.passphrase", tls.keystorePassword());
            properties.put("server.tls.private-key.keystore.key.alias", tlsKeyAlias);
            properties.put("server.tls.private-key.keystore.cert-chain.alias", tlsKeyAlias);
        });
        properties.put("stockroom.http.max-body-bytes", Integer.toString(settings.maxBodyBytes()));
        properties.put("stockroom.http.max-import-bytes", Long.toString(settings.maxImportBytes()));
        properties.put("stockroom.events.heartbeat", settings.eventsHeartbeat().toString());
        if (!settings.trustedProxies().isEmpty()) {
            properties.put("stockroom.http.trusted-proxies", settings.trustedProxies().toString());
        }
        properties.put("stockroom.login.concurrency", Integer.toString(settings.logIns().concurrency()));
        properties.put("stockroom.login.failures.per-user-and-address",
                Integer.toString(settings.logIns().failuresPerUserAndAddress()));
        properties.put("stockroom.login.failures.per-address", Integer.toString(settings.logIns().failuresPerAddress()));
        properties.put("stockroom.login.failures.per-user", Integer.toString(settings.logIns().failuresPerUser()));
        properties.put("stockroom.login.failures.window", settings.logIns().failureWindow().toString());
        // Narayana reads only system properties; without these it keeps its transaction log
        // in the working directory.
        String objectStore = settings.dataDirectory().resolve("transactions").toString();
        System.setProperty("ObjectStoreEnvironmentBean.objectStoreDir", objectStore);
        System.setProperty("com.arjuna.ats.arjuna.objectstore.objectStoreDir", objectStore);

        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        Config config = resolver.getBuilder()
                .addDefaultSources()
                .addDiscoveredSources()
                .withSources(new RuntimeConfigSource(properties))
                .build();
        resolver.registerConfig(config, Thread.currentThread().getContextClassLoader());
        return config;
    }

    /**
     * Adds the driver's timeouts unless the URL sets its own: a connect that hangs, a socket
     * that never answers, a statement or a lock wait that never ends would each hold a
     * request (and a pooled connection) for as long as the network lets them.
     */
    static String withTimeouts(String jdbcUrl) {
        StringBuilder url = new StringBuilder(jdbcUrl);
        String separator = jdbcUrl.contains("?") ? "&" : "?";
        for (String[] parameter : new String[][]{
                {"connectTimeout", "3"},
                {"socketTimeout", "30"},
                {"tcpKeepAlive", "true"},
                {"options", "-c%20statement_timeout%3D15000%20-c%20lock_timeout%3D5000"}}) {
            if (!jdbcUrl.contains(parameter[0] + "=")) {
                url.append(separator).append(parameter[0]).append('=').append(parameter[1]);
                separator = "&";
            }
        }
        return url.toString();
    }

    public int port() {
        return server.port();
    }

    public String host() {
        return host;
    }

    /** {@code https} when the server was given a keystore, else {@code http}. */
    public String scheme() {
        return tls ? "https" : "http";
    }

    public DatabaseCoordinates database() {
        return database;
    }

    String banner() {
        String url = scheme() + "://" + host() + ":" + port();
        return String.join(System.lineSeparator(),
                "",
                "Stockroom is running.",
                "  API:       " + url + "/api/v1   (health: " + url + "/health)",
                "  OpenAPI:   " + url + "/openapi   (the API's description, YAML; JSON with ?format=JSON)",
                "  Database:  " + database.jdbcUrl() + (embeddedDatabase != null ? "  (embedded)" : ""),
                "",
                adminNotice() + "Log in and try the command-line client in another terminal:",
                "  export STOCKROOM_URL=" + url + (tls ? " STOCKROOM_CA_CERT=CA.pem" : ""),
                "  bin/stockroom login admin",
                "  bin/stockroom product list",
                "  bin/stockroom stock levels --low",
                "  bin/stockroom --help",
                "or the desktop client: bin/stockroom-desktop",
                "",
                "Press Ctrl-C to stop.");
    }

    /** The generated first admin's password, marked as such, or nothing. */
    private String adminNotice() {
        if (generatedAdminPassword == null) {
            return "";
        }
        return String.join(System.lineSeparator(),
                "  *** FIRST ADMIN (shown once, this time only) ***",
                "  User:      " + FirstAdmin.USERNAME,
                "  Password:  " + generatedAdminPassword,
                "  Keep it somewhere safe: it is stored only as a hash and will not be shown again.",
                "",
                "");
    }

    /** Stops the HTTP server, then the embedded database; safe to call more than once. */
    @Override
    public synchronized void close() {
        try {
            server.stop();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "server already stopped", e);
        }
        if (embeddedDatabase != null) {
            try {
                embeddedDatabase.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "The embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
