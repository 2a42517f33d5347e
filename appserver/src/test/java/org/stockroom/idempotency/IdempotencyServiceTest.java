package org.stockroom.idempotency;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.stockroom.problem.ConflictException;
import org.stockroom.problem.ProblemTypes;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The decisions of {@link IdempotencyService}, against an in-memory repository (the SQL is covered by IdempotencyApiIT). */
class IdempotencyServiceTest {

    private static final Duration TTL = Duration.ofMinutes(5);

    private final InMemoryKeys keys = new InMemoryKeys();
    private final IdempotencyService service = new IdempotencyService(keys, TTL);
    private final AtomicInteger runs = new AtomicInteger();

    /** Public: JSON-B reads only public accessors. */
    public record Created(String code, String name) {
    }

    private final Supplier<Response> create = () -> {
        runs.incrementAndGet();
        return Response.created(URI.create("/api/v1/locations/A-1"))
                .tag(new EntityTag("0"))
                .entity(new Created("A-1", "Aisle 1"))
                .build();
    };

    @Test
    void givenANewKey_whenExecuted_thenTheActionRunsOnceAndItsAnswerIsStoredAndSent() {
        Response answer = service.execute("clerk", "k1", "f1", create);

        assertThat(runs).hasValue(1);
        assertThat(answer.getStatus()).isEqualTo(201);
        assertThat(answer.getEntity()).isEqualTo("{\"code\":\"A-1\",\"name\":\"Aisle 1\"}");
        assertThat(answer.getHeaderString("Location")).isEqualTo("/api/v1/locations/A-1");
        assertThat(answer.getHeaderString("ETag")).isEqualTo("\"0\"");
        assertThat(answer.getHeaderString(StoredResponse.REPLAYED_HEADER)).isNull();
        assertThat(keys.stored.get("clerk/k1"))
                .isEqualTo(new StoredResponse("f1", 201, "{\"code\":\"A-1\",\"name\":\"Aisle 1\"}",
                        "/api/v1/locations/A-1", "\"0\""));
        assertThat(keys.ttl).isEqualTo(TTL);
    }

    @Test
    void givenManyStoredAnswers_thenOneStoreInSixteenAlsoCleansUp() {
        for (int i = 1; i <= 3 * IdempotencyService.CLEANUP_EVERY; i++) {
            service.execute("clerk", "k" + i, "f", create);
        }

        assertThat(keys.stored).hasSize(3 * IdempotencyService.CLEANUP_EVERY);
        assertThat(keys.cleanups).hasValue(3);
    }

    @Test
    void givenAStoredAnswer_whenTheSameRequestIsExecuted_thenItIsReplayedWithoutRunningTheAction() {
        Response first = service.execute("clerk", "k1", "f1", create);

        Response replay = service.execute("clerk", "k1", "f1", create);

        assertThat(runs).hasValue(1);
        assertThat(replay.getStatus()).isEqualTo(first.getStatus());
        assertThat(replay.getEntity()).isEqualTo(first.getEntity());
        assertThat(replay.getHeaderString("Location")).isEqualTo(first.getHeaderString("Location"));
        assertThat(replay.getHeaderString("ETag")).isEqualTo(first.getHeaderString("ETag"));
        assertThat(replay.getHeaderString(StoredResponse.REPLAYED_HEADER)).isEqualTo("true");
    }

    @Test
    void givenAStoredAnswer_whenAnotherRequestUsesTheKey_then422WithoutRunningTheAction() {
        service.execute("clerk", "k1", "f1", create);

        assertThatThrownBy(() -> service.execute("clerk", "k1", "f2", create))
                .isInstanceOf(IdempotencyKeyReusedException.class)
                .satisfies(e -> assertThat(((IdempotencyKeyReusedException) e).status()).isEqualTo(422))
                .satisfies(e -> assertThat(((IdempotencyKeyReusedException) e).type())
                        .isEqualTo(ProblemTypes.IDEMPOTENCY_KEY_REUSED));
        assertThat(runs).hasValue(1);
    }

    @Test
    void givenTheKeyLockedByAnotherRequest_whenExecuted_then409WithoutLookingOrRunning() {
        keys.locked = false;

        assertThatThrownBy(() -> service.execute("clerk", "k1", "f1", create))
                .isInstanceOf(IdempotencyKeyInFlightException.class)
                .satisfies(e -> assertThat(((IdempotencyKeyInFlightException) e).status()).isEqualTo(409))
                .satisfies(e -> assertThat(((IdempotencyKeyInFlightException) e).type())
                        .isEqualTo(ProblemTypes.IDEMPOTENCY_KEY_IN_FLIGHT));
        assertThat(runs).hasValue(0);
        assertThat(keys.lookups).hasValue(0);
    }

    @Test
    void givenARefusal_whenExecuted_thenItPropagatesAndNothingIsStored() {
        ConflictException refusal = new ConflictException(ProblemTypes.INSUFFICIENT_STOCK, "Insufficient stock", "none");

        assertThatThrownBy(() -> service.execute("clerk", "k1", "f1", () -> {
            throw refusal;
        })).isSameAs(refusal);
        assertThat(keys.stored).isEmpty();
    }

    @Test
    void givenAnotherUsersAnswerUnderTheSameKey_whenExecuted_thenTheActionRunsForThisUser() {
        service.execute("clerk", "k1", "f1", create);

        Response second = service.execute("manager", "k1", "f1", create);

        assertThat(runs).hasValue(2);
        assertThat(second.getHeaderString(StoredResponse.REPLAYED_HEADER)).isNull();
        assertThat(keys.stored).containsOnlyKeys("clerk/k1", "manager/k1");
    }

    @Test
    void givenAnAnswerThatIsNoSuccess_whenExecuted_thenItIsSentAsItIsAndNotStored() {
        Response refused = service.execute("clerk", "k1", "f1", () -> Response.status(409).entity("busy").build());

        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getEntity()).isEqualTo("busy");
        assertThat(keys.stored).isEmpty();
    }

    /** Stands in for the table; its one transaction-scoped lock is either free or not. */
    private static final class InMemoryKeys implements IdempotencyRepository {

        final Map<String, StoredResponse> stored = new HashMap<>();
        final AtomicInteger lookups = new AtomicInteger();
        final AtomicInteger cleanups = new AtomicInteger();
        boolean locked = true;
        Duration ttl;

        @Override
        public boolean tryLock(String username, String key) {
            return locked;
        }

        @Override
        public Optional<StoredResponse> findUnexpired(String username, String key) {
            lookups.incrementAndGet();
            return Optional.ofNullable(stored.get(username + "/" + key));
        }

        @Override
        public void store(String username, String key, StoredResponse answer, Duration ttl) {
            stored.put(username + "/" + key, answer);
            this.ttl = ttl;
        }

        @Override
        public int deleteExpired(int limit) {
            assertThat(limit).isEqualTo(IdempotencyService.CLEANUP_BATCH);
            cleanups.incrementAndGet();
            return 0;
        }
    }
}
