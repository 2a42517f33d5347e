package org.stockroom.cluster;

import io.helidon.logging.common.LogConfig;
import org.stockroom.auth.user.FirstAdmin;
import org.stockroom.database.DatabaseCoordinates;
import org.stockroom.database.EmbeddedDatabase;
import org.stockroom.server.ServerSettings;
import org.stockroom.server.StockroomServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

/**
 * Several app servers on one PostgreSQL behind HAProxy, all on this machine, as processes:
 * what {@code bin/stockroom-cluster N} runs and what the cluster tests start.
 *
 * <ol>
 *   <li>PostgreSQL: the embedded one, in this JVM, with its data in {@code DATA_DIR/postgres}
 *       (the same database {@code bin/stockroom-server} uses), unless {@code STOCKROOM_DB_URL} names one;</li>
 *   <li>the database prepared once (migrations, demo data, first administrator), before any server starts;</li>
 *   <li>N app servers on 127.0.0.1, on the ports of the {@link Layout}, each with its own data
 *       directory (its transaction log) and log file under {@code DATA_DIR/cluster};</li>
 *   <li>HAProxy on the cluster's address, with {@code loadbalancer/haproxy.cfg}, once every server is ready.</li>
 * </ol>
 *
 * Every other {@code STOCKROOM_*} setting given to the cluster is passed on to each server.
 */
public final class LocalCluster implements AutoCloseable {

    /** The most servers a local cluster runs (HAProxy's Docker server template has as many places). */
    public static final int MAX_SERVERS = 9;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    /**
     * @param host          where the load balancer listens ({@code STOCKROOM_HTTP_HOST})
     * @param port          the load balancer's port ({@code STOCKROOM_HTTP_PORT}): clients use it as
     *                      they would a single server's
     * @param statsPort     HAProxy's statistics page and metrics, on 127.0.0.1
     * @param serverPorts   one port on 127.0.0.1 per app server, 1 to {@value #MAX_SERVERS} of them
     * @param dataDirectory {@code STOCKROOM_DATA_DIR}
     * @param jar           the app server's jar, with its libs/ and options file beside it
     */
    public record Layout(String host, int port, int statsPort, List<Integer> serverPorts, Path dataDirectory, Path jar) {

        public Layout {
            serverPorts = List.copyOf(serverPorts);
            if (serverPorts.isEmpty() || serverPorts.size() > MAX_SERVERS) {
                throw new IllegalArgumentException("a local cluster has 1 to " + MAX_SERVERS + " app servers, not "
                        + serverPorts.size());
            }
            if (serverPorts.stream().anyMatch(each -> each < 1 || each > 65535)) {
                throw new IllegalArgumentException("the app servers' ports " + serverPorts + " are not all valid ports");
            }
        }

        /** The load balancer on {@code port}, the app servers on the ports after it. */
        public static Layout consecutive(int servers, String host, int port, int statsPort, Path dataDirectory, Path jar) {
            List<Integer> serverPorts = new ArrayList<>();
            for (int i = 1; i <= servers; i++) {
                serverPorts.add(port + i);
            }
            return new Layout(host, port, statsPort, serverPorts, dataDirectory, jar);
        }

        /** Everything on 127.0.0.1 and ports free now: for tests and benchmarks beside other servers. */
        public static Layout onFreePorts(int servers, Path dataDirectory, Path jar) throws IOException {
            List<ServerSocket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < servers + 2; i++) {
                    sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
                }
                List<Integer> ports = sockets.stream().map(ServerSocket::getLocalPort).toList();
                return new Layout("127.0.0.1", ports.get(0), ports.get(1), ports.subList(2, ports.size()), dataDirectory, jar);
            } finally {
                for (ServerSocket socket : sockets) {
                    socket.close();
                }
            }
        }

        public int servers() {
            return serverPorts.size();
        }
    }

    private final Layout layout;
    private final EmbeddedDatabase embeddedDatabase;
    private final DatabaseCoordinates database;
    private final List<AppServerProcess> servers;
    private final LoadBalancerProcess loadBalancer;
    private final Optional<String> generatedAdminPassword;

    private LocalCluster(Layout layout, EmbeddedDatabase embeddedDatabase, DatabaseCoordinates database,
                         List<AppServerProcess> servers, LoadBalancerProcess loadBalancer,
                         Optional<String> generatedAdminPassword) {
        this.layout = layout;
        this.embeddedDatabase = embeddedDatabase;
        this.database = database;
        this.servers = servers;
        this.loadBalancer = loadBalancer;
        this.generatedAdminPassword = generatedAdminPassword;
    }

    /**
     * Starts the cluster and returns once HAProxy has every server in service.
     *
     * @param environment the cluster's {@code STOCKROOM_*} settings (the process environment, for
     *                    {@code bin/stockroom-cluster})
     */
    public static LocalCluster start(Layout layout, Map<String, String> environment)
            throws IOException, SQLException, InterruptedException {
        Path haproxy = LoadBalancerProcess.findExecutable().orElseThrow(() -> new IOException(
                "HAProxy is not installed; bin/stockroom-cluster installs it (as root), or: sudo apt-get install haproxy"));
        ServerSettings settings = ServerSettings.fromEnvironment(environment);
        if (settings.tls().isPresent()) {
            throw new IllegalArgumentException("a local cluster speaks HTTP between HAProxy and the app servers;"
                    + " unset " + ServerSettings.TLS_KEYSTORE_VARIABLE + " (terminate TLS at the load balancer instead)");
        }
        Path clusterDirectory = layout.dataDirectory().resolve("cluster");
        EmbeddedDatabase embedded = null;
        List<AppServerProcess> started = new ArrayList<>();
        LoadBalancerProcess loadBalancer = null;
        try {
            DatabaseCoordinates database;
            if (settings.externalDatabase().isPresent()) {
                database = settings.externalDatabase().get();
            } else {
                embedded = EmbeddedDatabase.startPersistent(layout.dataDirectory().resolve("postgres"),
                        settings.embeddedDatabasePort());
                database = embedded.coordinates();
            }
            FirstAdmin.Outcome firstAdmin = StockroomServer.prepare(database, settings);

            for (int i = 0; i < layout.servers(); i++) {
                String name = "app" + (i + 1);
                int port = layout.serverPorts().get(i);
                started.add(AppServerProcess.start(name, layout.jar(), port,
                        serverEnvironment(environment, database, port, clusterDirectory.resolve(name)),
                        clusterDirectory.resolve("logs").resolve(name + ".log")));
            }
            awaitAllReady(started);
            loadBalancer = LoadBalancerProcess.start(haproxy, layout.host(), layout.port(),
                    layout.statsPort(), layout.serverPorts(), settings.databasePoolSize(),
                    clusterDirectory,
                    clusterDirectory.resolve("logs").resolve("haproxy.log"));
            loadBalancer.awaitServersUp(layout.servers(), Duration.ofSeconds(30));
            return new LocalCluster(layout, embedded, database, List.copyOf(started), loadBalancer,
                    firstAdmin.generatedPassword());
        } catch (IOException | SQLException | InterruptedException | RuntimeException e) {
            if (loadBalancer != null) {
                loadBalancer.stop();
            }
            for (AppServerProcess server : started) {
                server.kill();
            }
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /** A server's settings: the cluster's, with its own port and data directory, on the cluster's database. */
    static Map<String, String> serverEnvironment(Map<String, String> cluster, DatabaseCoordinates database, int port,
                                                 Path dataDirectory) {
        Map<String, String> environment = new HashMap<>();
        cluster.forEach((name, value) -> {
            if (name.startsWith("STOCKROOM_")) {
                environment.put(name, value);
            }
        });
        // Prepared once by the cluster; a server finds the admin there already.
        environment.remove(ServerSettings.ADMIN_PASSWORD_VARIABLE);
        environment.remove("STOCKROOM_EMBEDDED_DB_PORT");
        environment.put("STOCKROOM_DEMO_DATA", "false");
        environment.put(DatabaseCoordinates.URL_VARIABLE, database.jdbcUrl());
        environment.put(DatabaseCoordinates.USER_VARIABLE, database.user());
        environment.put(DatabaseCoordinates.PASSWORD_VARIABLE, database.password());
        environment.put("STOCKROOM_HTTP_HOST", "127.0.0.1");
        environment.put("STOCKROOM_HTTP_PORT", Integer.toString(port));
        environment.put("STOCKROOM_DATA_DIR", dataDirectory.toString());
        // HAProxy connects from 127.0.0.1 and names the client in X-Forwarded-For.
        environment.put("STOCKROOM_TRUSTED_PROXIES", "127.0.0.1");
        return environment;
    }

    private static void awaitAllReady(List<AppServerProcess> servers) throws IOException, InterruptedException {
        try (ExecutorService waiting = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Void>> ready = new ArrayList<>();
            for (AppServerProcess server : servers) {
                ready.add(waiting.submit(() -> {
                    server.awaitReady(START_TIMEOUT);
                    return null;
                }));
            }
            for (Future<Void> each : ready) {
                try {
                    each.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IOException(e.getCause());
                }
            }
        }
    }

    /** Where clients connect: the load balancer. */
    public URI uri() {
        return loadBalancer.uri();
    }

    public LoadBalancerProcess loadBalancer() {
        return loadBalancer;
    }

    /** The app servers, in port order ({@code app1} first). */
    public List<AppServerProcess> servers() {
        return servers;
    }

    public DatabaseCoordinates database() {
        return database;
    }

    public Layout layout() {
        return layout;
    }

    /** The first admin's password when this start created it with a generated one (shown once). */
    public Optional<String> generatedAdminPassword() {
        return generatedAdminPassword;
    }

    /** Stops the load balancer, then the servers (each finishes its requests), then the embedded PostgreSQL. */
    @Override
    public synchronized void close() {
        try {
            loadBalancer.stop();
            try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
                for (AppServerProcess server : servers) {
                    stopping.submit(() -> {
                        server.stop();
                        return null;
                    });
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (embeddedDatabase != null) {
                try {
                    embeddedDatabase.close();
                } catch (IOException e) {
                    System.err.println("stockroom-cluster: the embedded PostgreSQL did not stop cleanly: " + e.getMessage());
                }
            }
        }
    }

    /** {@code bin/stockroom-cluster [SERVERS]}: starts a cluster and runs until Ctrl-C. */
    public static void main(String[] args) {
        LogConfig.configureRuntime();
        int servers;
        try {
            servers = serversArgument(args);
        } catch (IllegalArgumentException e) {
            System.err.println("stockroom-cluster: " + e.getMessage());
            System.err.println("usage: bin/stockroom-cluster [SERVERS]   (1 to " + MAX_SERVERS + ", default 3)");
            System.exit(2);
            return;
        }
        if (servers == 0) {  // --help
            System.out.println("usage: bin/stockroom-cluster [SERVERS]   (1 to " + MAX_SERVERS + ", default 3)");
            System.out.println("Starts PostgreSQL, SERVERS app servers and HAProxy in front of them; see docs/operations.md.");
            return;
        }
        Map<String, String> environment = System.getenv();
        LocalCluster cluster;
        try {
            ServerSettings settings = ServerSettings.fromEnvironment(environment);
            int port = settings.httpPort() == 0 ? 8080 : settings.httpPort();
            Layout layout = Layout.consecutive(servers, settings.httpHost(), port,
                    wholeNumber(environment, "STOCKROOM_LB_STATS_PORT", 8404), settings.dataDirectory(), runningJar());
            System.err.println("stockroom-cluster: starting PostgreSQL, " + servers + " app server"
                    + (servers == 1 ? "" : "s") + " and HAProxy (logs in " + layout.dataDirectory().resolve("cluster/logs") + ")...");
            cluster = start(layout, environment);
        } catch (IllegalArgumentException e) {
            System.err.println("stockroom-cluster: " + e.getMessage());
            System.exit(1);
            return;
        } catch (Exception e) {
            System.err.println("stockroom-cluster: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "stockroom-cluster-stop"));
        System.out.println(cluster.banner());
        cluster.watch();
    }

    private static int serversArgument(String[] args) {
        if (args.length == 0) {
            return 3;
        }
        if (args.length > 1) {
            throw new IllegalArgumentException("one argument at most: the number of app servers");
        }
        if (args[0].equals("--help") || args[0].equals("-h")) {
            return 0;
        }
        try {
            int servers = Integer.parseInt(args[0]);
            if (servers >= 1 && servers <= MAX_SERVERS) {
                return servers;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("SERVERS must be a whole number from 1 to " + MAX_SERVERS + ", not '" + args[0] + "'");
    }

    private static int wholeNumber(Map<String, String> environment, String name, int defaultValue) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 1 && number <= 65535) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a port number from 1 to 65535, not '" + value + "'");
    }

    private static Path runningJar() {
        try {
            Path location = Path.of(LocalCluster.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                throw new IllegalArgumentException("run the cluster from the app server's jar (bin/stockroom-cluster)");
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reports a server or the load balancer that stops on its own; ends this JVM if HAProxy does. */
    private void watch() {
        List<AppServerProcess> reported = new ArrayList<>();
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            for (AppServerProcess server : servers) {
                if (!server.isAlive() && !reported.contains(server)) {
                    reported.add(server);
                    System.err.println("stockroom-cluster: " + server.name() + " (pid " + server.pid()
                            + ") has stopped; HAProxy sends its requests to the others. See " + server.log());
                }
            }
            if (!loadBalancer.isAlive()) {
                System.err.println("stockroom-cluster: HAProxy has stopped; stopping the cluster. See " + loadBalancer.log());
                System.exit(1);
            }
        }
    }

    String banner() {
        String api = uri() + "/api/v1";
        StringBuilder text = new StringBuilder(String.join(System.lineSeparator(),
                "",
                "Stockroom is running: " + servers.size() + " app server" + (servers.size() == 1 ? "" : "s") + " behind HAProxy.",
                "  API:       " + api + "   (the load balancer; health: " + uri() + "/health)",
                "  OpenAPI:   " + uri() + "/openapi   (the API's description)",
                "  HAProxy:   " + loadBalancer.statsUri() + "/stats   (which server is up, requests per server)"));
        for (AppServerProcess server : servers) {
            text.append(System.lineSeparator()).append("  ").append(server.name()).append(":      ")
                    .append(server.uri()).append("   (pid ").append(server.pid()).append(", log ").append(server.log()).append(')');
        }
        text.append(System.lineSeparator()).append("  Database:  ").append(database.jdbcUrl())
                .append(embeddedDatabase != null ? "  (embedded)" : "").append(System.lineSeparator()).append(System.lineSeparator());
        generatedAdminPassword.ifPresent(password -> text.append(String.join(System.lineSeparator(),
                "  *** FIRST ADMIN (shown once, this time only) ***",
                "  User:      " + FirstAdmin.USERNAME,
                "  Password:  " + password,
                "  Keep it somewhere safe: it is stored only as a hash and will not be shown again.",
                "", "")));
        text.append(String.join(System.lineSeparator(),
                "Use it as a single server, through the load balancer:",
                "  export STOCKROOM_URL=" + uri(),
                "  bin/stockroom login admin",
                "",
                "Press Ctrl-C to stop."));
        return text.toString();
    }
}
