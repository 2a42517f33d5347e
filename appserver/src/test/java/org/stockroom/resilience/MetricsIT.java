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
        String metrics = given().baseUri(StockroomTestServer.baseUri().toString())
                .accept("text/plain")
                .get("/metrics")
                .then()
                .statusCode(200)
                .extract().asString();

        // The test server runs a pool of 2 (StockroomTestServer) and sets no bulkhead limit.
        assertThat(metrics).containsPattern("(?m)^stockroom_database_bulkhead_max(\\{[^}]*\\})? 4(\\.0)?$");
    }
}
