package org.stockroom.client;

import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemReaderTest {

    private final ProblemReader reader = new ProblemReader(JsonbBuilder.create());

    @Test
    void readsTheStandardMembersAndFieldErrors() {
        String body = """
                {"type":"https://stockroom.example/problems/validation","title":"Invalid request",
                 "status":400,"detail":"2 fields are invalid","instance":"/api/v1/movements",
                 "errors":[{"pointer":"/quantity","message":"must be greater than 0"},
                           {"pointer":"/sku","message":"must not be blank"}]}
                """;

        Problem problem = reader.read(400, "application/problem+json", body);

        assertThat(problem.type()).isEqualTo("https://stockroom.example/problems/validation");
        assertThat(problem.title()).isEqualTo("Invalid request");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).isEqualTo("2 fields are invalid");
        assertThat(problem.instance()).isEqualTo("/api/v1/movements");
        assertThat(problem.errors()).containsExactly(
                new FieldError("/quantity", "must be greater than 0"),
                new FieldError("/sku", "must not be blank"));
        assertThat(problem.extensions()).isEmpty();
    }

    @Test
    void keepsExtensionMembers() {
        String body = """
                {"type":"about:blank","title":"Insufficient stock","status":409,
                 "detail":"Insufficient stock of BOLT-1 at MAIN: 3 on hand, 7 requested",
                 "onHand":3,"requested":7}
                """;

        Problem problem = reader.read(409, "application/problem+json", body);

        assertThat(problem.message()).isEqualTo("Insufficient stock of BOLT-1 at MAIN: 3 on hand, 7 requested");
        assertThat(problem.extension("onHand")).hasValueSatisfying(
                onHand -> assertThat(new BigDecimal(onHand.toString())).isEqualByComparingTo("3"));
        assertThat(problem.extensions()).containsOnlyKeys("onHand", "requested");
    }

    @Test
    void takesTheStatusFromTheResponseWhenTheBodyLacksIt() {
        Problem problem = reader.read(404, "application/problem+json", "{\"title\":\"Not Found\"}");

        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.type()).isEqualTo("about:blank");
        assertThat(problem.errors()).isEmpty();
        assertThat(problem.message()).isEqualTo("Not Found");
    }

    @Test
    void makesAProblemOfAPlainTextBody() {
        Problem problem = reader.read(503, "text/plain", "Service is restarting\nplease wait");

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.title()).isEqualTo("Service Unavailable");
        assertThat(problem.detail()).isEqualTo("Service is restarting");
    }

    @Test
    void ignoresHtmlAndEmptyBodies() {
        assertThat(reader.read(404, "text/html", "<html><body>Not here</body></html>").message())
                .isEqualTo("Not Found");
        assertThat(reader.read(500, null, "").message()).isEqualTo("Internal Server Error");
        assertThat(reader.read(418, null, null).message()).isEqualTo("HTTP status 418");
    }

    @Test
    void fallsBackToTheBodyWhenJsonIsBroken() {
        Problem problem = reader.read(400, "application/json", "{\"title\": ");

        assertThat(problem.title()).isEqualTo("Bad Request");
        assertThat(problem.detail()).isEqualTo("{\"title\":");
    }
}
