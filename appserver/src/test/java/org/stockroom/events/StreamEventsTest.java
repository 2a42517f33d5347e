package org.stockroom.events;

import org.junit.jupiter.api.Test;
import org.stockroom.movement.MovementType;
import org.stockroom.movement.MovementView;
import org.stockroom.stock.StockLevelView;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The events a stream sends and, above all, their ids: each must be a point a client can resume after. */
class StreamEventsTest {

    private static final StockLevelView MAIN = new StockLevelView("BOLT-1", "MAIN", BigDecimal.valueOf(6), BigDecimal.ZERO, BigDecimal.valueOf(6), BigDecimal.valueOf(5));
    private static final StockLevelView SHOP = new StockLevelView("BOLT-1", "SHOP", BigDecimal.valueOf(4), BigDecimal.ZERO, BigDecimal.valueOf(4), BigDecimal.valueOf(5));

    @Test
    void givenALiveTransfer_whenWritten_thenItsMovementAndBothLevelsCarryItsId() {
        StreamEvents.LiveMovement live = StreamEvents.live(transfer(42));

        List<StreamEvent> events = live.eventsFor(EventFilter.ALL);

        assertThat(events).extracting(StreamEvent::name).containsExactly("movement", "level", "level");
        assertThat(events).extracting(StreamEvent::id).containsOnly("42");
        assertThat(events).extracting(StreamEvent::movementId).containsOnly(42L);
        assertThat(events.getFirst().data()).contains("\"id\":42", "\"type\":\"TRANSFER\"", "\"from\":\"MAIN\"");
        assertThat(events.get(1).data()).isEqualTo("{\"available\":6,\"location\":\"MAIN\",\"onHand\":6,"
                + "\"reorderPoint\":5,\"reserved\":0,\"sku\":\"BOLT-1\"}");
    }

    @Test
    void givenALevelWhoseReservationsChanged_whenWritten_thenItIsALevelEventThatIsNoResumePoint() {
        StockLevelView held = new StockLevelView("BOLT-1", "MAIN", BigDecimal.valueOf(6), BigDecimal.valueOf(4),
                BigDecimal.valueOf(2), BigDecimal.valueOf(5));

        StreamEvent event = StreamEvents.reservedLevel(held);

        assertThat(event.name()).isEqualTo("level");
        assertThat(event.id()).as("no id: the client's Last-Event-ID stays its last movement's").isNull();
        assertThat(event.movementId()).isZero();
        assertThat(event.data()).contains("\"reserved\":4", "\"available\":2", "\"onHand\":6");
    }

    @Test
    void givenStreamsWithFilters_whenATransferIsWritten_thenEachGetsItsShare() {
        StreamEvents.LiveMovement live = StreamEvents.live(transfer(42));

        assertThat(live.eventsFor(new EventFilter(null, "SHOP"))).as("the destination's stream")
                .extracting(StreamEvent::name, StreamEvent::data)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("movement", live.movement().data()),
                        org.assertj.core.groups.Tuple.tuple("level", live.levels().get(1).data()));
        assertThat(live.eventsFor(new EventFilter("BOLT-1", "MAIN"))).hasSize(2);
        assertThat(live.eventsFor(new EventFilter("NUT-2", null))).isEmpty();
        assertThat(live.eventsFor(new EventFilter(null, "ANNEX"))).isEmpty();
    }

    @Test
    void givenAReplay_whenWritten_thenAllButTheLastMovementCarryTheIdResumedFromAndTheLevelsComeLast() {
        Opening.Replay replay = new Opening.Replay(List.of(transfer(40), transfer(41), transfer(43)), List.of(MAIN, SHOP));

        List<StreamEvent> events = StreamEvents.opening(replay, new LastEventId.After(41));

        assertThat(events).extracting(StreamEvent::name)
                .containsExactly("movement", "movement", "movement", "level", "level");
        assertThat(events).extracting(StreamEvent::id).containsExactly("41", "41", "43", "43", "43");
        assertThat(events.subList(0, 3)).extracting(StreamEvent::movementId).containsExactly(40L, 41L, 43L);
    }

    @Test
    void givenNothingMissed_whenReplayed_thenNothingIsWritten() {
        assertThat(StreamEvents.opening(new Opening.Replay(List.of(), List.of()), new LastEventId.After(41))).isEmpty();
    }

    @Test
    void givenANewStream_whenOpened_thenReadyCarriesTheNewestMovement() {
        assertThat(StreamEvents.opening(new Opening.Ready(57), new LastEventId.None()))
                .containsExactly(new StreamEvent("ready", "57", "{\"lastMovementId\":57}", 0));
    }

    @Test
    void givenAStreamThatCannotResume_whenOpened_thenResetSaysWhyAndCarriesTheNewestMovement() {
        StreamEvent reset = StreamEvents.opening(new Opening.Reset("too-many-missed", "Reload", 900),
                new LastEventId.After(3)).getFirst();

        assertThat(reset.name()).isEqualTo("reset");
        assertThat(reset.id()).isEqualTo("900");
        assertThat(reset.data()).isEqualTo("{\"detail\":\"Reload\",\"lastMovementId\":900,\"reason\":\"too-many-missed\"}");
    }

    @Test
    void givenLastEventIdHeaders_whenParsed_thenOnlyThisServersIdsResume() {
        assertThat(LastEventId.parse(null)).isEqualTo(new LastEventId.None());
        assertThat(LastEventId.parse("  ")).isEqualTo(new LastEventId.None());
        assertThat(LastEventId.parse("0")).isEqualTo(new LastEventId.After(0));
        assertThat(LastEventId.parse(" 1234 ")).isEqualTo(new LastEventId.After(1234));
        assertThat(LastEventId.parse("-1")).isInstanceOf(LastEventId.Unusable.class);
        assertThat(LastEventId.parse("0012")).isInstanceOf(LastEventId.Unusable.class);
        assertThat(LastEventId.parse("12a")).isInstanceOf(LastEventId.Unusable.class);
        assertThat(LastEventId.parse("9".repeat(19))).as("beyond a long").isInstanceOf(LastEventId.Unusable.class);
    }

    private static RecordedMovement transfer(long id) {
        return new RecordedMovement(new MovementView(id, MovementType.TRANSFER, "BOLT-1", BigDecimal.valueOf(4), "MAIN", "SHOP",
                null, null, Instant.parse("2025-11-21T10:15:00Z"), "clerk", List.of(), null), List.of(MAIN, SHOP));
    }
}
