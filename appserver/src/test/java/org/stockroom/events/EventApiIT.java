package org.stockroom.events;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.security.Role;
import org.stockroom.testing.EventStream;
import org.stockroom.testing.EventStream.Event;
import org.stockroom.testing.Ledger;
import org.stockroom.testing.StockroomTestServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.testing.Api.anonymous;
import static org.stockroom.testing.Api.as;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.createProduct;
import static org.stockroom.testing.Api.tokenOf;
import static org.stockroom.testing.Api.unique;

/**
 * {@code GET /api/v1/events}: a movement recorded by one client reaches another's stream at once,
 * with the levels it changed; a stream resumed with {@code Last-Event-ID} gets what it missed, also
 * a movement with a lower id that committed after a higher one; streams need a token, and one whose
 * token is revoked ends.
 */
class EventApiIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private String sku;
    private String main;
    private String shop;

    @BeforeEach
    void aProductAndTwoLocations() {
        sku = unique("EVT");
        main = unique("EVT-MAIN");
        shop = unique("EVT-SHOP");
        createProduct(sku, 5);
        createLocation(main);
        createLocation(shop);
    }

    @Test
    void givenAViewersStream_whenAClerkRecordsAMovement_thenItArrivesWithinASecondWithTheLevelItChanged() {
        try (EventStream viewer = open("", Role.VIEWER, null)) {
            assertThat(viewer.status()).isEqualTo(200);
            assertThat(viewer.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            viewer.next("ready", WAIT);

            Response recorded = as(Role.CLERK).body(Map.of("type", "RECEIVE", "sku", sku, "to", main, "quantity", 7))
                    .post("/movements");
            long acknowledged = System.nanoTime();
            recorded.then().statusCode(201);
            long id = recorded.jsonPath().getLong("id");

            Event movement = movement(viewer, id);
            Duration delay = Duration.ofNanos(movement.arrivedNanos() - acknowledged);
            assertThat(delay).as("from the 201 to the event on the other client's stream").isLessThan(Duration.ofSeconds(1));
            assertThat(json(movement)).isEqualTo(as(Role.VIEWER).get("/movements/" + id).then().statusCode(200)
                    .extract().jsonPath().getMap(""));

            Event level = viewer.next("level", WAIT);
            assertThat(level.id()).as("the level right after its movement").isEqualTo(Long.toString(id));
            assertThat(json(level)).isEqualTo(stockRow(sku, main)).containsEntry("onHand", 7);
        }
    }

    @Test
    void givenATransfer_whenStreamed_thenItsMovementComesFirstThenTheLevelsOfBothLocations() {
        receive(10);
        try (EventStream stream = open("sku=" + sku, Role.VIEWER, null)) {
            stream.next("ready", WAIT);
            long id = record(Map.of("type", "TRANSFER", "sku", sku, "from", main, "to", shop, "quantity", 4));

            movement(stream, id);
            List<Map<String, Object>> levels = List.of(json(stream.next("level", WAIT)), json(stream.next("level", WAIT)));
            assertThat(levels).containsExactlyInAnyOrder(stockRow(sku, main), stockRow(sku, shop));
            assertThat(levels).extracting(level -> level.get("onHand")).containsExactlyInAnyOrder(6, 4);
        }
    }

    @Test
    void givenStreamsFilteredBySkuAndByLocation_whenStockMoves_thenEachGetsOnlyWhatItAskedFor() {
        String otherSku = unique("EVT-OTHER");
        createProduct(otherSku, 0);
        receive(10);
        try (EventStream bySku = open("sku=" + otherSku, Role.VIEWER, null);
             EventStream byLocation = open("location=" + shop, Role.VIEWER, null)) {
            bySku.next("ready", WAIT);
            byLocation.next("ready", WAIT);

            record(Map.of("type", "ISSUE", "sku", sku, "from", main, "quantity", 1));  // neither
            long transfer = record(Map.of("type", "TRANSFER", "sku", sku, "from", main, "to", shop, "quantity", 2));
            long other = record(Map.of("type", "RECEIVE", "sku", otherSku, "to", main, "quantity", 3));

            assertThat(bySku.next("movement", WAIT).id()).isEqualTo(Long.toString(other));
            assertThat(json(bySku.next("level", WAIT))).containsEntry("sku", otherSku).containsEntry("location", main);
            assertThat(byLocation.next("movement", WAIT).id()).isEqualTo(Long.toString(transfer));
            assertThat(json(byLocation.next("level", WAIT))).as("only the level at the location asked for")
                    .containsEntry("location", shop).containsEntry("onHand", 2);
            long issue = record(Map.of("type", "ISSUE", "sku", sku, "from", shop, "quantity", 1));
            assertThat(byLocation.next("movement", WAIT).id()).as("the movement after the transfer")
                    .isEqualTo(Long.toString(issue));
        }
    }

    @Test
    void givenAStreamThatLostItsConnection_whenResumedWithLastEventId_thenItGetsTheMovementsItMissedAndTheLevelsNow() {
        long seen = receive(10);
        String lastEventId;
        try (EventStream stream = open("sku=" + sku, Role.VIEWER, null)) {
            stream.next("ready", WAIT);
            long live = record(Map.of("type", "ISSUE", "sku", sku, "from", main, "quantity", 1));
            lastEventId = movement(stream, live).id();
            assertThat(lastEventId).isNotEqualTo(Long.toString(seen));
        }
        List<Long> missed = List.of(
                record(Map.of("type", "ISSUE", "sku", sku, "from", main, "quantity", 2)),
                record(Map.of("type", "TRANSFER", "sku", sku, "from", main, "to", shop, "quantity", 3)),
                record(Map.of("type", "ISSUE", "sku", sku, "from", shop, "quantity", 1)));

        try (EventStream resumed = open("sku=" + sku, Role.VIEWER, lastEventId)) {
            List<Event> replayed = new ArrayList<>();
            Event event;
            do {
                event = resumed.next("movement", WAIT);
                replayed.add(event);
            } while (!event.id().equals(Long.toString(missed.getLast())));
            List<Long> ids = replayed.stream().map(each -> ((Number) json(each).get("id")).longValue()).toList();
            assertThat(ids).as("in id order, the missed ones included").isSorted().containsAll(missed);
            assertThat(ids).as("nothing from before the stream's last event").allMatch(id -> id >= Long.parseLong(lastEventId));
            assertThat(replayed.subList(0, replayed.size() - 1)).as("ids a client can resume from again")
                    .allMatch(each -> each.id().equals(lastEventId));

            List<Map<String, Object>> levels = List.of(json(resumed.next("level", WAIT)), json(resumed.next("level", WAIT)));
            assertThat(levels).as("the levels now, after the replay")
                    .containsExactlyInAnyOrder(stockRow(sku, main), stockRow(sku, shop));
            assertThat(levels).extracting(level -> level.get("onHand")).containsExactlyInAnyOrder(4, 2);

            long after = record(Map.of("type", "ISSUE", "sku", sku, "from", shop, "quantity", 1));
            assertThat(resumed.next("movement", WAIT).id()).as("then live").isEqualTo(Long.toString(after));
        }
    }

    /**
     * Identity ids are not commit-ordered: a movement that drew a lower id can commit after the one
     * a stream delivered last. Here another session holds such a movement uncommitted while a clerk
     * records a higher one; the stream delivers the higher one and is then cut; the lower one commits;
     * resuming after the higher one must still deliver it.
     */
    @Test
    void givenALowerIdThatCommitsAfterTheLastDeliveredOne_whenResumed_thenItIsReplayed() throws Exception {
        String slowSku = unique("EVT-SLOW");
        createProduct(slowSku, 0);
        try (Connection slow = StockroomTestServer.database().connect()) {
            slow.setAutoCommit(false);
            long lower = receiveInSql(slow, slowSku, main, 5);

            String lastEventId;
            try (EventStream stream = open("", Role.VIEWER, null)) {
                stream.next("ready", WAIT);
                long higher = record(Map.of("type", "RECEIVE", "sku", sku, "to", main, "quantity", 1));
                assertThat(higher).isGreaterThan(lower);
                lastEventId = movement(stream, higher).id();
            }
            slow.commit();

            try (EventStream resumed = open("", Role.VIEWER, lastEventId)) {
                Event replayed = resumed.next(event -> event.name().equals("movement")
                        && ((Number) json(event).get("id")).longValue() == lower, WAIT);
                assertThat(json(replayed)).containsEntry("sku", slowSku).containsEntry("quantity", 5);
            }
        }
    }

    @Test
    void givenALastEventIdThisServerNeverWrote_whenResumed_thenTheStreamSaysResetWithTheNewestMovement() {
        long newest = receive(1);
        for (String unknown : List.of("not-a-number", "9" + Long.MAX_VALUE / 100)) {
            try (EventStream stream = open("", Role.VIEWER, unknown)) {
                Event reset = stream.next("reset", WAIT);
                assertThat(json(reset)).containsEntry("reason", "unknown-last-event-id");
                assertThat(Long.parseLong(reset.id())).isGreaterThanOrEqualTo(newest);
            }
        }
    }

    @Test
    void givenANewStream_whenOpened_thenReadyNamesTheNewestMovementAsWhereToResumeFrom() {
        long newest = receive(1);
        try (EventStream stream = open("", Role.VIEWER, null)) {
            Event ready = stream.next("ready", WAIT);
            assertThat(Long.parseLong(ready.id())).isGreaterThanOrEqualTo(newest);
            assertThat(json(ready)).containsEntry("lastMovementId", Integer.parseInt(ready.id()));
        }
    }

    @Test
    void givenAQuietStream_whenNothingMoves_thenTheServerWritesHeartbeatComments() {
        try (EventStream stream = open("sku=" + sku, Role.VIEWER, null)) {
            long ready = stream.next("ready", WAIT).arrivedNanos();
            Event heartbeat = stream.next(event -> event.isComment() && event.data().equals("heartbeat"), WAIT);
            assertThat(Duration.ofNanos(heartbeat.arrivedNanos() - ready))
                    .isBetween(StockroomTestServer.EVENTS_HEARTBEAT.minusMillis(500), StockroomTestServer.EVENTS_HEARTBEAT.plusSeconds(2));
        }
    }

    @Test
    void givenNoToken_whenStreamRequested_then401AsAProblem() {
        anonymous().accept("text/event-stream").get("/events").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
        try (EventStream stream = EventStream.open(StockroomTestServer.baseUri(), "", "x".repeat(43), null)) {
            assertThat(stream.status()).as("an unknown token").isEqualTo(401);
        }
    }

    @Test
    void givenAStreamOfALoggedInUser_whenTheTokenIsRevoked_thenTheStreamEndsWithinASecond() throws Exception {
        String token = logIn(Role.VIEWER);
        try (EventStream stream = EventStream.open(StockroomTestServer.baseUri(), "sku=" + sku, token, null)) {
            stream.next("ready", WAIT);
            anonymous().header("Authorization", "Bearer " + token).post("/auth/logout").then().statusCode(204);
            long revoked = System.nanoTime();

            assertThat(stream.awaitEnd(revoked, WAIT)).as("the stream ended after the log-out")
                    .isLessThan(Duration.ofSeconds(1));
        }
        try (EventStream again = EventStream.open(StockroomTestServer.baseUri(), "", token, "1")) {
            assertThat(again.status()).as("its reconnect").isEqualTo(401);
        }
    }

    @Test
    void givenAnAcceptOfJsonOnly_whenStreamRequested_then406() {
        as(Role.VIEWER).accept("application/json").get("/events").then().statusCode(406);
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * The event of that live movement, skipping others: a movement committed just before a stream
     * opened may still arrive after its {@code ready} (harmless: its level is the current one).
     */
    private static Event movement(EventStream stream, long id) {
        return stream.next(event -> event.name().equals("movement") && event.id().equals(Long.toString(id)), WAIT);
    }

    private static EventStream open(String query, Role role, String lastEventId) {
        return EventStream.open(StockroomTestServer.baseUri(), query, tokenOf(role), lastEventId);
    }

    private long receive(int quantity) {
        return record(Map.of("type", "RECEIVE", "sku", sku, "to", main, "quantity", quantity));
    }

    private static long record(Map<String, Object> movement) {
        return as(Role.CLERK).body(movement).post("/movements").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Map<String, Object> json(Event event) {
        return JsonPath.from(event.data()).getMap("");
    }

    private static Map<String, Object> stockRow(String sku, String location) {
        List<Map<String, Object>> rows = as(Role.VIEWER).queryParam("sku", sku).queryParam("location", location)
                .get("/stock").then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(rows).hasSize(1);
        return rows.getFirst();
    }

    /** A fresh token of the test user with that role, which the test may revoke. */
    private static String logIn(Role role) throws Exception {
        String body = "{\"username\":\"" + StockroomTestServer.testUser(role) + "\",\"password\":\""
                + StockroomTestServer.TEST_USER_PASSWORD + "\"}";
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(StockroomTestServer.baseUri() + "/api/v1/auth/token"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            return JsonPath.from(answer.body()).getString("token");
        }
    }

    /** A receipt written in SQL on the caller's open transaction, as a slow client would: the movement's id. */
    private static long receiveInSql(Connection connection, String sku, String location, int quantity) throws Exception {
        long product = Ledger.queryLong("select id from product where sku = ?", sku);
        long place = Ledger.queryLong("select id from location where code = ?", location);
        long id;
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into stock_movement (movement_type, product_id, to_location_id, quantity, recorded_by)
                values ('RECEIVE', ?, ?, ?, 'slow-client') returning id""")) {
            insert.setLong(1, product);
            insert.setLong(2, place);
            insert.setInt(3, quantity);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
        }
        try (PreparedStatement level = connection.prepareStatement(
                "insert into stock_level (product_id, location_id, on_hand) values (?, ?, ?)")) {
            level.setLong(1, product);
            level.setLong(2, place);
            level.setInt(3, quantity);
            level.executeUpdate();
        }
        return id;
    }
}
