package org.stockroom.api;

import org.junit.jupiter.api.Test;
import org.stockroom.problem.ApiException;
import org.stockroom.problem.BodyTooLargeException;

import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodyScreeningTest {

    @Test
    void givenPlainRequestBodies_whenScanned_thenPassed() {
        assertThatCode(() -> JsonBodyScreening.scan("{\"sku\": \"A-1\", \"name\": \"Caf\u00e9 \ud83d\ude00\", \"n\": 5}"))
                .doesNotThrowAnyException();
        assertThatCode(() -> JsonBodyScreening.scan("{\"a\": {\"x\": 1}, \"b\": {\"x\": 2}, \"c\": [{\"x\": 1}, {\"x\": 2}]}"))
                .doesNotThrowAnyException();
    }

    @Test
    void givenAMemberTwice_whenScanned_then400WithItsPointer() {
        assertRefused("{\"a\": 1, \"b\": {\"c\": 1, \"c\": 2}}", 400, "'/b/c' more than once");
        assertRefused("{\"a\": [0, {\"x/y\": 1, \"x/y\": 1}]}", 400, "'/a/1/x~1y' more than once");
    }

    @Test
    void givenTextPostgresCannotStore_whenScanned_then422AtItsPointer() {
        assertThat(refusal("{\"list\": [\"ok\", \"a\\u0000b\"]}").errors().getFirst().pointer()).isEqualTo("/list/1");
        assertThat(refusal("{\"name\": \"\\ud800\"}").errors().getFirst().pointer()).isEqualTo("/name");
        assertThat(refusal("{\"name\": \"\\udc00\\ud800\"}").status()).isEqualTo(422);
    }

    @Test
    void givenBrokenOrTrailingOrDeepJson_whenScanned_then400() {
        assertRefused("{\"a\": ", 400, "not valid JSON");
        assertRefused("{\"a\": 1} {}", 400, "not valid JSON");
        assertRefused("[".repeat(JsonBodyScreening.MAX_DEPTH + 1) + "]".repeat(JsonBodyScreening.MAX_DEPTH + 1), 400,
                "nested deeper");
        assertThatCode(() -> JsonBodyScreening.scan("[".repeat(JsonBodyScreening.MAX_DEPTH)
                + "]".repeat(JsonBodyScreening.MAX_DEPTH))).doesNotThrowAnyException();
    }

    @Test
    void givenAStreamOneByteOverTheLimit_whenRead_then413() throws Exception {
        assertThat(JsonBodyScreening.readAtMost(new ByteArrayInputStream(new byte[100_000]), 100_000)).hasSize(100_000);
        assertThatThrownBy(() -> JsonBodyScreening.readAtMost(new ByteArrayInputStream(new byte[100_001]), 100_000))
                .isInstanceOf(BodyTooLargeException.class);
    }

    private static void assertRefused(String json, int status, String detail) {
        ApiException refusal = refusal(json);
        assertThat(refusal.status()).isEqualTo(status);
        assertThat(refusal.detail()).contains(detail);
    }

    private static ApiException refusal(String json) {
        try {
            JsonBodyScreening.scan(json);
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("not refused: " + json);
    }
}
