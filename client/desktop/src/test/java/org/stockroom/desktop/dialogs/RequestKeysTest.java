package org.stockroom.desktop.dialogs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestKeysTest {

    @Test
    void theSameRequestSentAgainKeepsItsKey() {
        RequestKeys keys = new RequestKeys();
        String first = keys.keyFor("receive 10 BOLT-1 at A-1");

        assertThat(keys.keyFor("receive 10 BOLT-1 at A-1")).isEqualTo(first);
    }

    @Test
    void aChangedRequestGetsANewKey() {
        RequestKeys keys = new RequestKeys();
        String first = keys.keyFor("receive 10 BOLT-1 at A-1");

        assertThat(keys.keyFor("receive 12 BOLT-1 at A-1")).isNotEqualTo(first);
    }
}
