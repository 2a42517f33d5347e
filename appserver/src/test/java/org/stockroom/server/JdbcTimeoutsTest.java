package org.stockroom.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcTimeoutsTest {

    @Test
    void givenAPlainUrl_whenTimeoutsAreAdded_thenConnectSocketStatementAndLockTimeoutsAreSet() {
        String url = StockroomServer.withTimeouts("jdbc:postgresql://db:5432/stockroom");

        assertThat(url).startsWith("jdbc:postgresql://db:5432/stockroom?")
                .contains("connectTimeout=3", "socketTimeout=30", "tcpKeepAlive=true",
                        "statement_timeout%3D15000", "lock_timeout%3D5000");
    }

    @Test
    void givenAUrlWithItsOwnTimeout_whenTimeoutsAreAdded_thenItsOwnIsKept() {
        String url = StockroomServer.withTimeouts("jdbc:postgresql://db/stockroom?socketTimeout=5&ssl=true");

        assertThat(url).contains("socketTimeout=5&ssl=true&connectTimeout=3").doesNotContain("socketTimeout=30");
    }
}
