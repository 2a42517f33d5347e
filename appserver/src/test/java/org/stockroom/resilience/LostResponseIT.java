package org.stockroom.resilience;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.stockroom.security.Role;
import org.stockroom.testing.Api;
import org.stockroom.testing.Ledger;
import org.stockroom.testing.StockroomTestServer;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.createProduct;
import static org.stockroom.testing.Api.receive;
import static org.stockroom.testing.Api.unique;

/**
 * The response is lost after the commit: the client's connection is gone before it reads
 * the answer. Its retry with the same Idempotency-Key gets the original answer, and the
 * movement exists once.
 */
class LostResponseIT {

    @Test
    void aRetryWithTheSameKeyAfterALostResponseGetsTheOriginalAnswerAndAppliesNothingTwice() throws Exception {
        String sku = unique("LOST");
        String location = unique("LOSTLOC");
        createProduct(sku, 0);
        createLocation(location);
        receive(sku, location, 10);
        String key = UUID.randomUUID().toString();
        String body = "{\"type\":\"ISSUE\",\"sku\":\"" + sku + "\",\"from\":\"" + location + "\",\"quantity\":3}";

        sendAndHangUp(key, body);
        awaitMovements(sku, 2);  // the receipt and the issue: the first attempt committed

        Response retry = api().header("Idempotency-Key", key).body(body).post("/movements");

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(Ledger.movementCount(sku)).isEqualTo(2);
        assertThat(Ledger.onHand(sku, location)).isEqualTo(7).isEqualTo(Ledger.ledgerSum(sku, location));
    }

    /** Writes a whole HTTP request and closes the connection without reading the answer. */
    private static void sendAndHangUp(String key, String body) throws Exception {
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/movements HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\n"
                + "Idempotency-Key: " + key + "\r\n"
                + "Authorization: Bearer " + Api.tokenOf(Role.ADMIN) + "\r\n"
                + "Content-Length: " + json.length + "\r\n"
                + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket(StockroomTestServer.baseUri().getHost(), StockroomTestServer.baseUri().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.flush();
        }
    }

    private static void awaitMovements(String sku, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Ledger.movementCount(sku) < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Ledger.movementCount(sku)).isEqualTo(expected);
    }
}
