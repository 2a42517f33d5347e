package org.stockroom.idempotency;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.params.provider.CsvSource;
import org.stockroom.problem.BadRequestException;

import java.lang.reflect.Proxy;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which {@code Idempotency-Key} values are accepted: 1 to 255 printable ASCII characters. */
class IdempotentRequestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"k", "8e03978e-40d5-43e8-bc93-6894a57f9324", "\"quoted\"", "with space", "~!@#$%^&*()"})
    void givenAPrintableAsciiKey_whenChecked_thenItIsAccepted(String key) {
        assertThatCode(() -> IdempotentRequests.requireWellFormed(key)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tab\there", "new\nline", "caf\u00e9", "\u0000", "del\u007f"})
    void givenAnEmptyOrNonPrintableKey_whenChecked_thenItIsABadRequest(String key) {
        assertThatThrownBy(() -> IdempotentRequests.requireWellFormed(key))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Idempotency-Key");
    }

    @ParameterizedTest
    @ValueSource(ints = {255, 256})
    void givenAKeyAtTheLengthLimit_whenChecked_thenOnlyUpTo255CharactersPass(int length) {
        String key = "k".repeat(length);
        if (length <= IdempotentRequests.MAX_KEY_LENGTH) {
            assertThatCode(() -> IdempotentRequests.requireWellFormed(key)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> IdempotentRequests.requireWellFormed(key)).isInstanceOf(BadRequestException.class);
        }
    }

    @ParameterizedTest
    @CsvSource({"http://127.0.0.1:8080/api/v1/products, /api/v1/products",
            "http://127.0.0.1:8080/api/v1/movements/, /api/v1/movements",
            "https://stock.example/base/api/v1/locations, /base/api/v1/locations"})
    void givenTheRequestUri_whenTheCollectionIsNamed_thenItIsItsPathWithoutATrailingSlash(String uri, String path) {
        assertThat(IdempotentRequests.collectionPath(requestTo(uri))).isEqualTo(path);
    }

    /** A {@link UriInfo} that knows only the request's absolute path. */
    private static UriInfo requestTo(String uri) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAbsolutePath" -> URI.create(uri);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
