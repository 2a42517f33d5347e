package org.stockroom.auth.token;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokensTest {

    @Test
    void givenTwoNewTokens_whenCompared_thenTheyDifferAndAre43Base64UrlCharacters() {
        String first = BearerTokens.generate();
        String second = BearerTokens.generate();

        assertThat(first).isNotEqualTo(second).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void givenAToken_whenHashed_thenItsSha256InHex() {
        assertThat(BearerTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void givenAuthorizationHeaders_whenParsed_thenOnlyABearerTokenOfTheRightShapeIsAccepted() {
        String token = BearerTokens.generate();

        assertThat(BearerTokens.fromAuthorization("Bearer " + token)).contains(token);
        assertThat(BearerTokens.fromAuthorization("bearer " + token)).contains(token);
        assertThat(BearerTokens.fromAuthorization(null)).isEmpty();
        assertThat(BearerTokens.fromAuthorization("Bearer ")).isEmpty();
        assertThat(BearerTokens.fromAuthorization("Basic " + token)).isEmpty();
        assertThat(BearerTokens.fromAuthorization("Bearer " + token + "x")).isEmpty();
        assertThat(BearerTokens.fromAuthorization("Bearer not a token")).isEmpty();
    }
}
