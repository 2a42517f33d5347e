package org.stockroom.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.stockroom.problem.BadRequestException;
import org.stockroom.security.CurrentUser;

import java.util.function.Supplier;

/**
 * What a resource's POST calls to honour an optional {@code Idempotency-Key} header
 * (IETF httpapi draft "The Idempotency-Key HTTP Header Field"): without a key the request
 * runs as it always did; with one it runs through {@link IdempotencyService}, which answers
 * a retry with the stored first answer instead of applying the request again. The key is
 * scoped to the request's user.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyService service;
    private final CurrentUser currentUser;

    @Inject
    public IdempotentRequests(IdempotencyService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
    }

    /**
     * Answers {@code POST path} with {@code request} as its parsed body.
     *
     * @param key     the {@code Idempotency-Key} header, or null when the client sent none
     * @param path    the request's path, e.g. {@code /api/v1/movements}: part of the fingerprint
     * @param request the parsed, validated body: its canonical JSON is part of the fingerprint
     * @param action  what the POST does; it must return the answer, not write it
     */
    public Response post(String key, String path, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        requireWellFormed(key);
        return service.execute(currentUser.username(), key, RequestFingerprint.of("POST", path, request), action);
    }

    /** 1 to 255 printable ASCII characters (space to tilde), else 400. */
    static void requireWellFormed(String key) {
        boolean printable = key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !printable) {
            throw new BadRequestException("The " + HEADER + " header must be 1 to " + MAX_KEY_LENGTH
                    + " printable ASCII characters");
        }
    }
}
