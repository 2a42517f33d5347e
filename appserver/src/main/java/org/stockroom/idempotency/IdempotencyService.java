package org.stockroom.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Applies a keyed request at most once. In one JTA transaction it locks the key, replays a
 * stored answer if there is one, or else runs the request (whose service calls join this
 * transaction) and stores its answer. Keys are the user's own: another user's answer under the
 * same key is never replayed (that would hand one user another's data and skip their request). The answer and the request's effect are committed
 * together or not at all: a retry either finds the answer or finds nothing applied.
 *
 * <p>Only 2xx answers are stored. A refusal is thrown as an exception, which rolls back the
 * transaction, so a retry of a refused request is evaluated again.
 */
@ApplicationScoped
public class IdempotencyService {

    /** Expired answers deleted, at most, by one clean-up. */
    static final int CLEANUP_BATCH = 100;
    /**
     * One stored answer in this many also cleans up. That spares the other stores a statement
     * (a movement's transaction had eleven), and still deletes up to six expired answers per
     * answer stored: more than ever expire.
     */
    static final int CLEANUP_EVERY = 16;

    private final IdempotencyRepository keys;
    private final Duration ttl;
    private final AtomicLong storedAnswers = new AtomicLong();

    @Inject
    public IdempotencyService(IdempotencyRepository keys,
                              @ConfigProperty(name = "stockroom.idempotency.ttl", defaultValue = "PT24H") Duration ttl) {
        this.keys = keys;
        this.ttl = ttl;
    }

    @Transactional
    public Response execute(String username, String key, String fingerprint, Supplier<Response> action) {
        if (!keys.tryLock(username, key)) {
            throw new IdempotencyKeyInFlightException();
        }
        Optional<StoredResponse> stored = keys.findUnexpired(username, key);
        if (stored.isPresent()) {
            if (!stored.get().fingerprint().equals(fingerprint)) {
                throw new IdempotencyKeyReusedException();
            }
            return stored.get().toResponse(true);
        }
        Response response = action.get();
        if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
            return response;
        }
        StoredResponse answer = StoredResponse.of(fingerprint, response);
        keys.store(username, key, answer, ttl);
        if (storedAnswers.incrementAndGet() % CLEANUP_EVERY == 0) {
            keys.deleteExpired(CLEANUP_BATCH);
        }
        return answer.toResponse(false);
    }
}
