package org.stockroom.api;

import jakarta.ws.rs.core.EntityTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockroom.problem.PreconditionRequiredException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EntityTagsTest {

    @Test
    void givenAVersion_whenTagged_thenTheTagIsTheStrongVersionNumber() {
        EntityTag tag = EntityTags.of(7);

        assertThat(tag.getValue()).isEqualTo("7");
        assertThat(tag.isWeak()).isFalse();
    }

    @Test
    void givenTheCurrentVersionQuoted_whenMatching_thenItMatches() {
        assertThat(EntityTags.matches("\"3\"", 3)).isTrue();
    }

    @Test
    void givenAnOlderVersion_whenMatching_thenItDoesNotMatch() {
        assertThat(EntityTags.matches("\"2\"", 3)).isFalse();
    }

    @Test
    void givenAVersionThatOnlyStartsLikeTheCurrentOne_whenMatching_thenItDoesNotMatch() {
        assertThat(EntityTags.matches("\"33\"", 3)).isFalse();
    }

    @Test
    void givenAWeakTagOfTheCurrentVersion_whenMatching_thenItMatchesByValue() {
        assertThat(EntityTags.matches("W/\"3\"", 3)).isTrue();
    }

    @Test
    void givenAWeakTagOfAnotherVersion_whenMatching_thenItDoesNotMatch() {
        assertThat(EntityTags.matches("W/\"2\"", 3)).isFalse();
    }

    @Test
    void givenAStar_whenMatching_thenAnyVersionMatches() {
        assertThat(EntityTags.matches("*", 0)).isTrue();
        assertThat(EntityTags.matches("*", 41)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1\", \"3\"", "\"3\",\"1\"", "W/\"1\" ,  W/\"3\"", "\"1\", *"})
    void givenAListNamingTheCurrentVersion_whenMatching_thenItMatches(String ifMatch) {
        assertThat(EntityTags.matches(ifMatch, 3)).isTrue();
    }

    @Test
    void givenAListOfOtherVersions_whenMatching_thenItDoesNotMatch() {
        assertThat(EntityTags.matches("\"1\", W/\"2\", \"4\"", 3)).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void givenNoIfMatch_whenRequired_thenPreconditionRequired(String ifMatch) {
        assertThatExceptionOfType(PreconditionRequiredException.class)
                .isThrownBy(() -> EntityTags.requireIfMatch(ifMatch))
                .satisfies(refused -> assertThat(refused.status()).isEqualTo(428))
                .withMessageContaining("If-Match");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void givenNoIfMatch_whenMatching_thenPreconditionRequiredRatherThanAMismatch(String ifMatch) {
        assertThatExceptionOfType(PreconditionRequiredException.class)
                .isThrownBy(() -> EntityTags.matches(ifMatch, 3));
    }

    @Test
    void givenAnIfMatch_whenRequired_thenItPasses() {
        assertThatCode(() -> EntityTags.requireIfMatch("\"3\"")).doesNotThrowAnyException();
    }
}
