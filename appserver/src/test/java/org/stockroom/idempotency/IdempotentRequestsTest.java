package org.stockroom.idempotency;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockroom.problem.BadRequestException;

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
}
