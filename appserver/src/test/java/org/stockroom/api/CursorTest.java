package org.stockroom.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockroom.problem.BadRequestException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CursorTest {

    @Test
    void givenOneKeyPart_whenEncodedAndDecoded_thenItComesBack() {
        String cursor = Cursor.encode("BOLT-1");

        assertThat(Cursor.decode(cursor, 1)).containsExactly("BOLT-1");
    }

    @Test
    void givenTwoKeyParts_whenEncodedAndDecoded_thenBothComeBackInOrder() {
        String cursor = Cursor.encode("BOLT-1", "A-01");

        assertThat(Cursor.decode(cursor, 2)).containsExactly("BOLT-1", "A-01");
    }

    @Test
    void givenNonAsciiKeyParts_whenEncodedAndDecoded_thenTheyComeBackUnchanged() {
        String cursor = Cursor.encode("SCHRAUBE-Ä", "Halle-ß");

        assertThat(Cursor.decode(cursor, 2)).containsExactly("SCHRAUBE-Ä", "Halle-ß");
    }

    @Test
    void givenAnyKey_whenEncoded_thenTheCursorIsSafeInAQueryString() {
        assertThat(Cursor.encode("BOLT-1", "A-01")).matches("[A-Za-z0-9_-]+");
        assertThat(Cursor.encode("???>>>")).matches("[A-Za-z0-9_-]+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a cursor!", "%%%", "Qk9MVC0x=x", "Ym9sdA+/"})
    void givenGarbage_whenDecoded_thenBadRequest(String garbage) {
        assertThatExceptionOfType(BadRequestException.class)
                .isThrownBy(() -> Cursor.decode(garbage, 1))
                .satisfies(refused -> assertThat(refused.status()).isEqualTo(400))
                .withMessageContaining("'after' cursor");
    }

    @Test
    void givenACursorWithOnePart_whenTwoAreExpected_thenBadRequest() {
        String cursor = Cursor.encode("BOLT-1");

        assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> Cursor.decode(cursor, 2));
    }

    @Test
    void givenACursorWithTwoParts_whenOneIsExpected_thenBadRequest() {
        String cursor = Cursor.encode("BOLT-1", "A-01");

        assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> Cursor.decode(cursor, 1));
    }

    @Test
    void givenACursorWithAnEmptyPart_whenDecoded_thenBadRequest() {
        String cursor = Cursor.encode("BOLT-1", "");

        assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> Cursor.decode(cursor, 2));
    }

    @Test
    void givenNoMoreRowsThanTheLimit_whenPaged_thenAllAreKeptAndThereIsNoNextPage() {
        Page<String> page = Cursor.page(List.of("a", "b", "c"), new PageRequest(3, null), Cursor::encode);

        assertThat(page.items()).containsExactly("a", "b", "c");
        assertThat(page.next()).isNull();
    }

    @Test
    void givenNoRows_whenPaged_thenThePageIsEmptyAndLast() {
        Page<String> page = Cursor.page(List.of(), new PageRequest(3, null), Cursor::encode);

        assertThat(page.items()).isEmpty();
        assertThat(page.next()).isNull();
    }

    @Test
    void givenTheExtraRow_whenPaged_thenItIsCutAndTheNextCursorPointsAtTheLastKeptItem() {
        PageRequest request = new PageRequest(3, null);

        Page<String> page = Cursor.page(List.of("a", "b", "c", "d"), request, Cursor::encode);

        assertThat(page.items()).containsExactly("a", "b", "c");
        assertThat(page.next()).isEqualTo(Cursor.encode("c"));
        assertThat(Cursor.decode(page.next(), 1)).containsExactly("c");
    }
}
