package org.stockroom.cluster;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stockroom.database.DatabaseCoordinates;
import org.stockroom.database.EmbeddedDatabase;
import org.stockroom.fault.TcpProxy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app servers behind HAProxy on a PostgreSQL reached through a TCP proxy that the test cuts:
 * during the outage every client gets a fast 503 in the API's error format, and when the database
 * is back the cluster serves again by itself, without a restart.
 */
class DatabaseOutageClusterIT {

    private static EmbeddedDatabase database;
    private static TcpProxy proxy;
    private static TestCluster cluster;
    private static String viewer;

    @BeforeAll
    static void startCluster() throws Exception {
        database = EmbeddedDatabase.startTemporary();
        DatabaseCoordinates direct = database.coordinates();
        proxy = new TcpProxy(Integer.parseInt(direct.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1")));
        cluster = TestCluster.start(2, Map.of(
                DatabaseCoordinates.URL_VARIABLE, "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + EmbeddedDatabase.DATABASE_NAME,
                DatabaseCoordinates.USER_VARIABLE, direct.user()));
        viewer = cluster.userWithRole("outage-viewer", "viewer");
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void givenTheDatabaseGone_whenClientsAsk_thenTheyGetAFast503ProblemAndTheClusterRecoversByItself() throws Exception {
        assertThat(products().statusCode()).isEqualTo(200);

        proxy.cut();
        // Within a few seconds every server is out of service (its readiness fails) and HAProxy
        // answers for them; until then the servers' own 503s come back. Either way: fast and clear.
        long cutAt = System.nanoTime();
        Response during = null;
        while (System.nanoTime() - cutAt < TimeUnit.SECONDS.toNanos(15)) {
            long sent = System.nanoTime();
            during = products();
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
            if (during.statusCode() == 503 && tookMillis < 1_000
                    && cluster.cluster().loadBalancer().serversUp() == 0) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(cluster.cluster().loadBalancer().serversUp()).as("servers in service during the outage").isZero();
        long sent = System.nanoTime();
        during = products();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent)).as("ms for the answer during the outage")
                .isLessThan(1_000);
        assertThat(during.statusCode()).isEqualTo(503);
        assertThat(during.contentType()).startsWith("application/problem+json");
        assertThat(during.header("Retry-After")).isNotBlank();
        assertThat(during.body().asString()).doesNotContain("Exception").contains("\"status\":503");

        proxy.restore();
        long restoredAt = System.nanoTime();
        Duration recovered = null;
        while (System.nanoTime() - restoredAt < TimeUnit.SECONDS.toNanos(30)) {
            if (products().statusCode() == 200 && cluster.cluster().loadBalancer().serversUp() == 2) {
                recovered = Duration.ofNanos(System.nanoTime() - restoredAt);
                break;
            }
            Thread.sleep(200);
        }
        assertThat(recovered).as("both servers back in service within 30 s of the database's return").isNotNull();
        System.out.printf("DatabaseOutageClusterIT: both servers back in service %d ms after the database%n",
                recovered.toMillis());
    }

    private static Response products() {
        return cluster.throughBalancer().header("Authorization", "Bearer " + viewer).get("/products?limit=1");
    }
}
