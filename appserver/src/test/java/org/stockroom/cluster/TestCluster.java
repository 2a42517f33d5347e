package org.stockroom.cluster;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;

/**
 * A local cluster for tests: the packaged app server jar run as N processes on a fresh embedded
 * PostgreSQL, behind the real HAProxy (installed from Debian's packages by {@code bin/install-haproxy}
 * when missing), all on 127.0.0.1 and free ports. Closed (and its data deleted) by the test.
 */
final class TestCluster implements AutoCloseable {

    static final String ADMIN_PASSWORD = "cluster-admin-password-9Xr4";

    private final LocalCluster cluster;
    private final Path dataDirectory;

    private TestCluster(LocalCluster cluster, Path dataDirectory) {
        this.cluster = cluster;
        this.dataDirectory = dataDirectory;
    }

    /** Starts {@code servers} app servers with these extra settings (e.g. the session cache's TTL). */
    static TestCluster start(int servers, Map<String, String> settings) throws Exception {
        installHaproxyIfMissing();
        Path jar = Path.of(System.getProperty("stockroom.appserver.jar", "target/stockroom-appserver.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the cluster tests run the packaged app server, " + jar
                    + "; run them with ./mvnw verify (after the package phase)");
        }
        // Under target/, so that the servers' and HAProxy's logs stay there for a failed run to explain.
        Path runs = Path.of(System.getProperty("stockroom.cluster.test-dir", "target/cluster-tests"));
        Files.createDirectories(runs);
        Path dataDirectory = Files.createTempDirectory(runs, "run-");
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("STOCKROOM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("STOCKROOM_DEMO_DATA", "false");
        environment.putIfAbsent("STOCKROOM_RATE_LIMIT_PER_USER", "100000");
        environment.putIfAbsent("STOCKROOM_RATE_LIMIT_PER_ADDRESS", "100000");
        LocalCluster cluster = LocalCluster.start(LocalCluster.Layout.onFreePorts(servers, dataDirectory, jar), environment);
        return new TestCluster(cluster, dataDirectory);
    }

    /** Runs bin/install-haproxy, which installs Debian's package as root and says what to do otherwise. */
    private static void installHaproxyIfMissing() throws IOException, InterruptedException {
        if (LoadBalancerProcess.findExecutable().isPresent()) {
            return;
        }
        Path root = Path.of(System.getProperty("stockroom.project.root", ".."));
        Process install = new ProcessBuilder("bash", root.resolve("bin/install-haproxy").toString())
                .inheritIO().start();
        if (!install.waitFor(5, TimeUnit.MINUTES) || install.exitValue() != 0
                || LoadBalancerProcess.findExecutable().isEmpty()) {
            throw new IllegalStateException("the cluster tests need HAProxy: sudo apt-get install haproxy");
        }
    }

    LocalCluster cluster() {
        return cluster;
    }

    /** Requests through the load balancer, as clients send them. */
    RequestSpecification throughBalancer() {
        return at(cluster.uri());
    }

    /** Requests to one app server directly, bypassing the balancer. */
    RequestSpecification at(AppServerProcess server) {
        return at(server.uri());
    }

    private static RequestSpecification at(URI root) {
        return given(new RequestSpecBuilder()
                .setBaseUri(root.toString())
                .setBasePath("/api/v1")
                .setContentType(ContentType.JSON)
                .setAccept(ContentType.JSON)
                .setConfig(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", 5_000)
                        .setParam("http.socket.timeout", 30_000)))
                .build());
    }

    /** Logs in through the balancer. */
    String logIn(String username, String password) {
        return throughBalancer().body(Map.of("username", username, "password", password))
                .post("/auth/token").then().statusCode(200).extract().path("token");
    }

    /** Creates a user with that role (as the admin) and returns a fresh token of theirs. */
    String userWithRole(String username, String role) {
        String admin = logIn("admin", ADMIN_PASSWORD);
        String password = "password-of-" + username;
        throughBalancer().header("Authorization", "Bearer " + admin)
                .body(Map.of("username", username, "password", password, "role", role))
                .post("/users").then().statusCode(201);
        return logIn(username, password);
    }

    /** Stops the cluster and deletes its data, keeping the logs ({@code cluster/logs}). */
    @Override
    public void close() throws IOException {
        cluster.close();
        Path logs = dataDirectory.resolve("cluster").resolve("logs");
        try (var files = Files.walk(dataDirectory)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .filter(path -> !path.startsWith(logs) && !logs.startsWith(path))
                    .forEach(path -> path.toFile().delete());
        }
    }
}
