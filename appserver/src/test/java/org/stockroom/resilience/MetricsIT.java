package org.stockroom.resilience;

import org.junit.jupiter.api.Test;
import org.stockroom.testing.StockroomTestServer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.stockroom.testing.Api.api;

class MetricsIT {

    @Test
    void resilienceMetricsAreServedInPrometheusTextFormat() {
        api().get("/locations?limit=1").then().statusCode(200);  // at least one call through the breaker

        given().baseUri(StockroomTestServer.baseUri().toString())
                .accept("text/plain")
                .get("/metrics")
                .then()
                .statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("stockroom_database_breaker_state"))
                .body(containsString("stockroom_database_bulkhead_available"))
                .body(containsString("stockroom_database_call_duration"));
    }

    @Test
    void givenNoBulkheadLimitIsConfigured_theBulkheadIsTwiceThePool() {
        String metrics = metricsText();

        // The test server runs a pool of 2 and a bulkhead of 2 (StockroomTestServer).
        assertThat(metrics).containsPattern("(?m)^stockroom_database_bulkhead_max(\\{[^}]*\\})? 2(\\.0)?$");
    }

    @Test
    void theLogInGateAndThrottleAreServedToo() {
        String metrics = metricsText();

        // No STOCKROOM_LOGIN_CONCURRENCY in the test server: half the processors, at least 1.
        int permits = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        assertThat(metrics)
                .containsPattern("(?m)^stockroom_login_checks_max(\\{[^}]*\\})? " + permits + "(\\.0)?$")
                .containsPattern("(?m)^stockroom_login_checks_in_use(\\{[^}]*\\})? ")
                .containsPattern("(?m)^stockroom_login_checks_refused(\\{[^}]*\\})? ")
                .containsPattern("(?m)^stockroom_login_throttled(\\{[^}]*\\})? ");
    }

    private static String metricsText() {
        return given().baseUri(StockroomTestServer.baseUri().toString())
                .accept("text/plain")
                .get("/metrics")
                .then()
                .statusCode(200)
                .extract().asString();
    }
}
