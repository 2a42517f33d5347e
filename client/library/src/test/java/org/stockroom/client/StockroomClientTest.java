package org.stockroom.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.client.model.AuditEvent;
import org.stockroom.client.model.AuditQuery;
import org.stockroom.client.model.Movement;
import org.stockroom.client.model.MovementQuery;
import org.stockroom.client.model.MovementType;
import org.stockroom.client.model.NewMovement;
import org.stockroom.client.model.NewProduct;
import org.stockroom.client.model.Product;
import org.stockroom.client.model.ProductChanges;
import org.stockroom.client.model.ProductQuery;
import org.stockroom.client.model.NewStocktake;
import org.stockroom.client.model.StockQuery;
import org.stockroom.client.model.Stocktake;
import org.stockroom.client.model.StocktakeLine;
import org.stockroom.client.model.StocktakeQuery;
import org.stockroom.client.model.StocktakeStatus;
import org.stockroom.client.model.StocktakeSummary;

import java.math.BigDecimal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client's HTTP handling against a real (JDK) HTTP server that answers with exactly
 * the statuses and headers under test.
 */
class StockroomClientTest {

    private static final String PRODUCT_JSON = """
            {"sku":"BOLT-1","name":"Hex bolt","description":null,"unitOfMeasure":"EA",
             "category":"Fasteners","reorderPoint":5,"archived":false,"onHand":0,"version":3,
             "createdAt":"2025-11-21T10:15:30Z","updatedAt":"2025-11-21T10:15:31.250Z"}
            """;

    private static final String PURCHASE_ORDER_JSON = """
            {"number":"PO-1011","supplier":"Acme","status":"OPEN","allowOverReceipt":true,"expectedOn":"2026-12-15",
             "note":null,"createdBy":"manager","createdAt":"2026-12-01T10:00:00Z","updatedAt":"2026-12-01T10:00:00Z",
             "version":0,"lines":[{"sku":"BOLT-1","name":"Hex bolt","unitOfMeasure":"EA","ordered":10,"received":4,
             "outstanding":6}],"receipts":[{"id":7,"order":"PO-1011","location":"MAIN",
             "receivedAt":"2026-12-01T10:00:00Z","receivedBy":"clerk","reference":null,
             "lines":[{"sku":"BOLT-1","quantity":4,"movementId":42}]}]}
            """;

    private HttpServer server;
    private StockroomClient client;
    private final AtomicReference<Recorded> lastRequest = new AtomicReference<>();
    private volatile Reply reply = new Reply(200, "application/json", "{}", null);

    record Recorded(String method, URI uri, String contentType, String ifMatch, String body) {
    }

    record Reply(int status, String contentType, String body, String etag) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        client = StockroomClient.builder()
                .server("http://127.0.0.1:" + server.getAddress().getPort())
                .requestTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        lastRequest.set(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("If-Match"), body));
        Reply answer = reply;
        if (answer.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        }
        if (answer.etag() != null) {
            exchange.getResponseHeaders().set("ETag", answer.etag());
        }
        byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Test
    void createsAProductAndKeepsItsEtag() {
        reply = new Reply(201, "application/json", PRODUCT_JSON, "\"3\"");

        Versioned<Product> created = client.products().create(
                new NewProduct("BOLT-1", "Hex bolt", null, null, "Fasteners", BigDecimal.valueOf(5)));

        Recorded request = lastRequest.get();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri().getPath()).isEqualTo("/api/v1/products");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.body())
                .isEqualTo("{\"sku\":\"BOLT-1\",\"name\":\"Hex bolt\",\"category\":\"Fasteners\",\"reorderPoint\":5}");
        assertThat(created.etag()).isEqualTo("\"3\"");
        assertThat(created.value().sku()).isEqualTo("BOLT-1");
        assertThat(created.value().description()).isNull();
        assertThat(created.value().reorderPoint()).isEqualByComparingTo("5");
        assertThat(created.value().version()).isEqualTo(3);
        assertThat(created.value().updatedAt()).isEqualTo(Instant.parse("2025-11-21T10:15:31.250Z"));
    }

    @Test
    void sendsFiltersAsEncodedQueryParametersAndReadsThePage() {
        reply = new Reply(200, "application/json",
                "{\"items\":[" + PRODUCT_JSON + "],\"next\":\"abc+/=\"}", null);

        Page<Product> page = client.products().list(
                new ProductQuery("hex bolt", "Fasteners & Fixings", true, 20, null));

        assertThat(lastRequest.get().uri().getRawQuery())
                .isEqualTo("q=hex%20bolt&category=Fasteners%20%26%20Fixings&belowReorder=true&limit=20");
        assertThat(page.items()).extracting(Product::sku).containsExactly("BOLT-1");
        assertThat(page.next()).isEqualTo("abc+/=");
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void passesTheCursorBackAsAfterAndSeesTheLastPage() {
        reply = new Reply(200, "application/json", "{\"items\":[],\"next\":null}", null);

        Page<Product> page = client.products().list(ProductQuery.all().withAfter("abc+/="));

        assertThat(lastRequest.get().uri().getRawQuery()).isEqualTo("after=abc%2B%2F%3D");
        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void asksForArchivedProductsOnlyWhenTheQuerySaysSo() {
        reply = new Reply(200, "application/json", "{\"items\":[],\"next\":null}", null);

        client.products().list(new ProductQuery("bolt", null, null, 10, null).includingArchived());

        assertThat(lastRequest.get().uri().getRawQuery()).isEqualTo("q=bolt&includeArchived=true&limit=10");
    }

    @Test
    void readsEveryLocationInPagesOfTheLargestSize() {
        reply = new Reply(200, "application/json",
                "{\"items\":[{\"code\":\"MAIN\",\"name\":\"Main store\"}],\"next\":null}", null);

        var locations = client.locations().all();

        assertThat(lastRequest.get().uri().getRawQuery()).isEqualTo("limit=500");
        assertThat(locations).extracting(org.stockroom.client.model.Location::code).containsExactly("MAIN");
    }

    @Test
    void updatesWithIfMatch() {
        reply = new Reply(200, "application/json", PRODUCT_JSON, "\"4\"");

        Versioned<Product> updated = client.products().update("BOLT-1",
                new ProductChanges("Hex bolt", null, "EA", "Fasteners", BigDecimal.valueOf(5)), "\"3\"");

        Recorded request = lastRequest.get();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.uri().getPath()).isEqualTo("/api/v1/products/BOLT-1");
        assertThat(request.ifMatch()).isEqualTo("\"3\"");
        assertThat(updated.etag()).isEqualTo("\"4\"");
    }

    @Test
    void archivesWithDeleteAndNoContent() {
        reply = new Reply(204, null, null, null);

        client.products().archive("BOLT-1");

        assertThat(lastRequest.get().method()).isEqualTo("DELETE");
        assertThat(lastRequest.get().uri().getPath()).isEqualTo("/api/v1/products/BOLT-1");
    }

    @Test
    void recordsAMovementAndReadsItBack() {
        reply = new Reply(201, "application/json", """
                {"id":42,"type":"TRANSFER","sku":"BOLT-1","quantity":4,"from":"MAIN","to":"SHOP",
                 "reason":null,"reference":"T-7","occurredAt":"2025-11-21T10:15:30Z","recordedBy":"cli"}
                """, null);

        Movement movement = client.movements().record(NewMovement.transfer("BOLT-1", BigDecimal.valueOf(4), "MAIN", "SHOP", null, "T-7"));

        assertThat(lastRequest.get().body()).isEqualTo(
                "{\"type\":\"TRANSFER\",\"sku\":\"BOLT-1\",\"quantity\":4,"
                        + "\"from\":\"MAIN\",\"to\":\"SHOP\",\"reference\":\"T-7\"}");
        assertThat(movement.id()).isEqualTo(42);
        assertThat(movement.type()).isEqualTo(MovementType.TRANSFER);
        assertThat(movement.occurredAt()).isEqualTo(Instant.parse("2025-11-21T10:15:30Z"));
    }

    @Test
    void createsAPurchaseOrderWithItsLines() {
        reply = new Reply(201, "application/json", PURCHASE_ORDER_JSON, "\"0\"");

        Versioned<org.stockroom.client.model.PurchaseOrder> created = client.purchaseOrders().create(
                new org.stockroom.client.model.NewPurchaseOrder("PO-1011", "Acme", java.time.LocalDate.of(2026, 12, 15),
                        null, true, java.util.List.of(new org.stockroom.client.model.NewPurchaseOrder.Line("BOLT-1",
                        BigDecimal.TEN))));

        assertThat(lastRequest.get().method()).isEqualTo("POST");
        assertThat(lastRequest.get().uri().getPath()).isEqualTo("/api/v1/purchase-orders");
        assertThat(lastRequest.get().body()).isEqualTo("{\"number\":\"PO-1011\",\"supplier\":\"Acme\","
                + "\"expectedOn\":\"2026-12-15\",\"allowOverReceipt\":true,"
                + "\"lines\":[{\"sku\":\"BOLT-1\",\"quantity\":10}]}");
        assertThat(created.etag()).isEqualTo("\"0\"");
        org.stockroom.client.model.PurchaseOrder order = created.value();
        assertThat(order.status()).isEqualTo(org.stockroom.client.model.PurchaseOrderStatus.OPEN);
        assertThat(order.expectedOn()).isEqualTo(java.time.LocalDate.of(2026, 12, 15));
        assertThat(order.lines().getFirst().outstanding()).isEqualByComparingTo("6");
        assertThat(order.receipts().getFirst().lines().getFirst().movementId()).isEqualTo(42);
    }

    @Test
    void receivesADeliveryAndCancelsWithTheETag() {
        reply = new Reply(201, "application/json", """
                {"id":7,"order":"PO 1","location":"MAIN","receivedAt":"2026-12-01T10:00:00Z","receivedBy":"clerk",
                 "reference":null,"lines":[{"sku":"BOLT-1","quantity":4,"movementId":42}]}
                """, null);

        org.stockroom.client.model.PurchaseReceipt receipt = client.purchaseOrders().receive("PO 1",
                new org.stockroom.client.model.NewReceipt("MAIN", java.util.List.of(
                        new org.stockroom.client.model.NewReceipt.Line("BOLT-1", BigDecimal.valueOf(4))), null), "key-1");

        assertThat(lastRequest.get().uri().getRawPath()).isEqualTo("/api/v1/purchase-orders/PO%201/receipts");
        assertThat(lastRequest.get().body()).isEqualTo(
                "{\"location\":\"MAIN\",\"lines\":[{\"sku\":\"BOLT-1\",\"quantity\":4}]}");
        assertThat(receipt.lines().getFirst().movementId()).isEqualTo(42);

        reply = new Reply(200, "application/json", PURCHASE_ORDER_JSON.replace("OPEN", "CANCELLED"), "\"2\"");
        Versioned<org.stockroom.client.model.PurchaseOrder> cancelled = client.purchaseOrders().cancel("PO-1011", "\"1\"");

        assertThat(lastRequest.get().method()).isEqualTo("POST");
        assertThat(lastRequest.get().uri().getPath()).isEqualTo("/api/v1/purchase-orders/PO-1011/cancel");
        assertThat(lastRequest.get().ifMatch()).isEqualTo("\"1\"");
        assertThat(cancelled.value().status()).isEqualTo(org.stockroom.client.model.PurchaseOrderStatus.CANCELLED);
        assertThat(cancelled.etag()).isEqualTo("\"2\"");
    }

    @Test
    void listsPurchaseOrdersByStatusAndSupplier() {
        reply = new Reply(200, "application/json", """
                {"items":[{"number":"PO-1011","supplier":"Acme","status":"RECEIVED","allowOverReceipt":false,
                 "expectedOn":null,"createdBy":"manager","createdAt":"2026-12-01T10:00:00Z",
                 "updatedAt":"2026-12-01T11:00:00Z","version":2}],"next":null}
                """, null);

        Page<org.stockroom.client.model.PurchaseOrderSummary> page = client.purchaseOrders().list(
                new org.stockroom.client.model.PurchaseOrderQuery(org.stockroom.client.model.PurchaseOrderStatus.OPEN,
                        "Acme Ltd", 5, null));

        assertThat(lastRequest.get().uri().getRawQuery()).isEqualTo("status=OPEN&supplier=Acme%20Ltd&limit=5");
        assertThat(page.items().getFirst().status()).isEqualTo(org.stockroom.client.model.PurchaseOrderStatus.RECEIVED);
    }

    @Test
    void sendsSinceAsAnIsoInstant() {
        reply = new Reply(200, "application/json", "{\"items\":[],\"next\":null}", null);

        client.movements().list(new MovementQuery("BOLT-1", null, Instant.parse("2025-11-01T00:00:00Z"), 5, null));

        assertThat(lastRequest.get().uri().getRawQuery())
                .isEqualTo("sku=BOLT-1&since=2025-11-01T00%3A00%3A00Z&limit=5");
    }

    @Test
    void readsTheAuditTrailWithItsFiltersAndDetails() {
        reply = new Reply(200, "application/json", """
                {"items":[{"id":7,"occurredAt":"2025-11-21T10:15:30Z","user":"ben","action":"product.revised",
                 "subjectType":"product","subjectKey":"BOLT-1",
                 "details":{"before":{"name":"Bolt"},"after":{"name":"Hex bolt"},"version":2}}],"next":"Nw"}
                """, null);

        Page<AuditEvent> page = client.audit().list(new AuditQuery("ben", Instant.parse("2025-11-01T00:00:00Z"), 1, "OA"));

        assertThat(lastRequest.get().uri().getPath()).isEqualTo("/api/v1/audit");
        assertThat(lastRequest.get().uri().getRawQuery())
                .isEqualTo("user=ben&since=2025-11-01T00%3A00%3A00Z&limit=1&after=OA");
        assertThat(page.next()).isEqualTo("Nw");
        AuditEvent event = page.items().getFirst();
        assertThat(event.user()).isEqualTo("ben");
        assertThat(event.action()).isEqualTo("product.revised");
        assertThat(event.details().get("after")).isEqualTo(Map.of("name", "Hex bolt"));
        assertThat(((Number) event.details().get("version")).intValue()).isEqualTo(2);
    }

    private static final String STOCKTAKE_JSON = """
            {"id":7,"location":"A-1","status":"OPEN","skus":null,"openedBy":"anna",
             "openedAt":"2025-11-21T10:15:30Z","closedBy":null,"closedAt":null,"version":2,
             "lines":[{"sku":"BOLT-1","name":"Hex bolt","counted":8,"expected":10,"difference":-2,
                       "countedBy":"anna","countedAt":"2025-11-21T10:20:00Z","expectedAfterMovement":41,"movement":null},
                      {"sku":"NUT/2","name":"Nut","counted":null,"expected":null,"difference":null,
                       "countedBy":null,"countedAt":null,"expectedAfterMovement":null,"movement":null}]}
            """;

    @Test
    void opensAStocktakeAndReadsItsLines() {
        reply = new Reply(201, "application/json", STOCKTAKE_JSON, "\"0\"");

        Versioned<Stocktake> opened = client.stocktakes().open(new NewStocktake("A-1", List.of("BOLT-1", "NUT/2")));

        Recorded request = lastRequest.get();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri().getPath()).isEqualTo("/api/v1/stocktakes");
        assertThat(request.body()).isEqualTo("{\"location\":\"A-1\",\"skus\":[\"BOLT-1\",\"NUT/2\"]}");
        assertThat(opened.etag()).isEqualTo("\"0\"");
        Stocktake stocktake = opened.value();
        assertThat(stocktake.status()).isEqualTo(StocktakeStatus.OPEN);
        assertThat(stocktake.skus()).isNull();
        assertThat(stocktake.lines()).extracting(StocktakeLine::sku).containsExactly("BOLT-1", "NUT/2");
        StocktakeLine bolt = stocktake.lines().getFirst();
        assertThat(bolt.difference()).isEqualByComparingTo("-2");
        assertThat(bolt.expectedAfterMovement()).isEqualTo(41L);
        assertThat(bolt.isCounted()).isTrue();
        assertThat(stocktake.lines().get(1).isCounted()).isFalse();

        client.stocktakes().open(NewStocktake.of("A-1"));
        assertThat(lastRequest.get().body()).isEqualTo("{\"location\":\"A-1\"}");
    }

    @Test
    void countsALineWithAnExactQuantityAndAnEncodedSku() {
        reply = new Reply(200, "application/json", """
                {"sku":"NUT/2","name":"Nut","counted":2.5,"expected":3,"difference":-0.5,"countedBy":"anna",
                 "countedAt":"2025-11-21T10:20:00Z","expectedAfterMovement":null,"movement":null}""", null);

        StocktakeLine line = client.stocktakes().count(7, "NUT/2", new java.math.BigDecimal("2.5"));

        Recorded request = lastRequest.get();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.uri().getRawPath()).isEqualTo("/api/v1/stocktakes/7/lines/NUT%2F2");
        assertThat(request.body()).isEqualTo("{\"counted\":2.5}");
        assertThat(line.difference()).isEqualByComparingTo("-0.5");
    }

    @Test
    void postsWithIfMatchAndCancels() {
        reply = new Reply(200, "application/json", STOCKTAKE_JSON, "\"3\"");

        Versioned<Stocktake> posted = client.stocktakes().post(7, "\"2\"", "key-1");

        Recorded request = lastRequest.get();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri().getPath()).isEqualTo("/api/v1/stocktakes/7/post");
        assertThat(request.ifMatch()).isEqualTo("\"2\"");
        assertThat(posted.etag()).isEqualTo("\"3\"");

        client.stocktakes().cancel(7);
        assertThat(lastRequest.get().uri().getPath()).isEqualTo("/api/v1/stocktakes/7/cancel");
        assertThat(lastRequest.get().ifMatch()).isNull();
    }

    @Test
    void listsStocktakesByStatusAndLocation() {
        reply = new Reply(200, "application/json", """
                {"items":[{"id":7,"location":"A-1","status":"POSTED","skus":["BOLT-1"],"openedBy":"anna",
                  "openedAt":"2025-11-21T10:15:30Z","closedBy":"mia","closedAt":"2025-11-21T11:00:00Z","version":3}],
                 "next":null}""", null);

        Page<StocktakeSummary> page = client.stocktakes().list(
                new StocktakeQuery(StocktakeStatus.POSTED, "A 1", 10, null));

        assertThat(lastRequest.get().uri().getRawQuery()).isEqualTo("status=POSTED&location=A%201&limit=10");
        assertThat(page.items()).extracting(StocktakeSummary::skus).containsExactly(List.of("BOLT-1"));
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void turnsAProblemIntoAProblemException() {
        reply = new Reply(409, "application/problem+json", """
                {"type":"about:blank","title":"Insufficient stock","status":409,
                 "detail":"Insufficient stock of BOLT-1 at MAIN: 3 on hand, 7 requested",
                 "instance":"/api/v1/movements","onHand":3,"requested":7}
                """, null);

        assertThatThrownBy(() -> client.movements().record(NewMovement.issue("BOLT-1", BigDecimal.valueOf(7), "MAIN", null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage())
                            .isEqualTo("Insufficient stock of BOLT-1 at MAIN: 3 on hand, 7 requested");
                    assertThat(e.extensions()).containsOnlyKeys("onHand", "requested");
                    assertThat(((Number) e.extension("onHand").orElseThrow()).intValue()).isEqualTo(3);
                });
    }

    @Test
    void turnsAPlainErrorIntoAProblemException() {
        reply = new Reply(404, "text/plain", "no such thing", null);

        assertThatThrownBy(() -> client.products().get("NOPE"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.title()).isEqualTo("Not Found");
                    assertThat(e.detail()).isEqualTo("no such thing");
                });
    }

    @Test
    void reportsAnUnintelligibleSuccessBody() {
        reply = new Reply(200, "text/html", "<html>a proxy login page</html>", null);

        assertThatThrownBy(() -> client.locations().get("MAIN"))
                .isExactlyInstanceOf(StockroomClientException.class)
                .hasMessageStartingWith("the server at http://127.0.0.1:");
    }

    @Test
    void saysTheServerIsUnreachableWhenNothingListens() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        try (StockroomClient closed = StockroomClient.create(URI.create("http://127.0.0.1:" + freePort))) {

            assertThatThrownBy(() -> closed.locations().list(null, null))
                    .isInstanceOfSatisfying(ServerUnreachableException.class, e -> {
                        assertThat(e.reason()).isEqualTo("connection refused");
                        assertThat(e.getMessage()).isEqualTo("cannot reach the Stockroom server at http://127.0.0.1:"
                                + freePort + " (connection refused)");
                    });
        }
    }

    @Test
    void saysTheServerIsUnreachableWhenTheHostIsUnknown() {
        // .invalid is reserved (RFC 2606): it never resolves.
        try (StockroomClient nowhere = StockroomClient.create(URI.create("http://stockroom.invalid:8080"))) {

            assertThatThrownBy(() -> nowhere.movements().get(1))
                    .isInstanceOf(ServerUnreachableException.class)
                    .hasMessage("cannot reach the Stockroom server at http://stockroom.invalid:8080"
                            + " (unknown host stockroom.invalid)");
        }
    }

    @Test
    void saysTheServerIsUnreachableWhenItDoesNotAnswerInTime() {
        server.createContext("/api/v1/stock", exchange -> {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        try (StockroomClient impatient = StockroomClient.builder()
                .server("http://127.0.0.1:" + server.getAddress().getPort())
                .requestTimeout(Duration.ofMillis(200))
                .retryPolicy(RetryPolicy.NONE)
                .build()) {

            assertThatThrownBy(() -> impatient.stock().levels(StockQuery.all()))
                    .isInstanceOf(ServerUnreachableException.class)
                    .hasMessageEndingWith("(no answer within 200 ms)");
        }
    }

    @Test
    void acceptsTheServerUrlWithTrailingSlashOrApiPath() {
        try (var a = StockroomClient.create(URI.create("http://localhost:8080/"));
             var b = StockroomClient.create(URI.create("http://localhost:8080/api/v1/"))) {
            assertThat(a.server()).isEqualTo(URI.create("http://localhost:8080"));
            assertThat(b.server()).isEqualTo(URI.create("http://localhost:8080"));
        }
        assertThatThrownBy(() -> StockroomClient.builder().server("localhost:8080"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an http(s) URL");
    }

    @Test
    void createsALotTrackedProductAndReadsItsTrackingBack() {
        reply = new Reply(201, "application/json", PRODUCT_JSON.replace("\"version\"", "\"lotTracked\":true,\"version\""),
                "\"0\"");

        Versioned<Product> created = client.products().create(NewProduct.of("MILK-1", "Milk").withLotTracked(true));

        assertThat(lastRequest.get().body()).isEqualTo("{\"sku\":\"MILK-1\",\"name\":\"Milk\",\"lotTracked\":true}");
        assertThat(created.value().lotTracked()).isTrue();
        assertThat(created.value().changes().lotTracked()).isTrue();
    }

    @Test
    void sendsALotAndItsExpiryAndReadsTheLotsAMovementMoved() {
        reply = new Reply(201, "application/json", """
                {"id":7,"type":"ISSUE","sku":"MILK-1","quantity":7,"from":"MAIN","to":null,"reason":null,
                 "reference":null,"occurredAt":"2026-11-20T08:00:00Z","recordedBy":"clerk",
                 "lots":[{"lot":"L1","expiresOn":"2027-01-31","quantity":5},{"lot":"L2","expiresOn":null,"quantity":2}]}""",
                null);

        var movement = client.movements().record(NewMovement.receive("MILK-1", BigDecimal.TEN, "MAIN", null, null)
                .withLot("L1").withExpiresOn(java.time.LocalDate.of(2027, 1, 31)));

        assertThat(lastRequest.get().body()).isEqualTo("{\"type\":\"RECEIVE\",\"sku\":\"MILK-1\",\"quantity\":10,"
                + "\"to\":\"MAIN\",\"lot\":\"L1\",\"expiresOn\":\"2027-01-31\"}");
        assertThat(movement.lots()).containsExactly(
                new org.stockroom.client.model.MovementLot("L1", java.time.LocalDate.of(2027, 1, 31), BigDecimal.valueOf(5)),
                new org.stockroom.client.model.MovementLot("L2", null, BigDecimal.valueOf(2)));
    }

    @Test
    void aMovementWithoutLotsHasNone() {
        reply = new Reply(200, "application/json", """
                {"id":8,"type":"RECEIVE","sku":"BOLT-1","quantity":1,"to":"MAIN","occurredAt":"2026-11-20T08:00:00Z"}""",
                null);

        assertThat(client.movements().get(8).lots()).isEmpty();
    }

    @Test
    void readsStockByLotAndTheExpiringLots() {
        reply = new Reply(200, "application/json", """
                {"items":[{"sku":"MILK-1","location":"MAIN","lot":"L1","expiresOn":"2027-01-31","expired":false,
                 "onHand":5}],"next":"n1"}""", null);

        var levels = client.lots().levels(new org.stockroom.client.model.LotQuery("MILK-1", "MAIN", 20, null));

        assertThat(lastRequest.get().uri().getPath()).isEqualTo("/api/v1/stock/lots");
        assertThat(lastRequest.get().uri().getRawQuery()).isEqualTo("sku=MILK-1&location=MAIN&limit=20");
        assertThat(levels.items()).containsExactly(new org.stockroom.client.model.LotLevel("MILK-1", "MAIN", "L1",
                java.time.LocalDate.of(2027, 1, 31), false, BigDecimal.valueOf(5)));

        reply = new Reply(200, "application/json", """
                {"items":[{"sku":"MILK-1","location":"MAIN","lot":"L0","expiresOn":"2026-11-18","daysLeft":-2,
                 "expired":true,"onHand":1}],"next":null}""", null);

        var expiring = client.lots().expiring(org.stockroom.client.model.ExpiringLotQuery.within(7).withAfter("n1"));

        assertThat(lastRequest.get().uri().getPath()).isEqualTo("/api/v1/lots/expiring");
        assertThat(lastRequest.get().uri().getRawQuery()).isEqualTo("days=7&after=n1");
        assertThat(expiring.items().getFirst().daysLeft()).isEqualTo(-2);
        assertThat(expiring.items().getFirst().expired()).isTrue();
    }
}
