package org.stockroom.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.stockroom.problem.BadRequestException;
import org.stockroom.security.CurrentUser;

import java.util.function.Function;
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

    /**
     * Answers a {@code POST} that creates a resource in the collection the request was sent to,
     * once per key as {@link #post} does: 201, the created resource's view as the body, and
     * {@code Location} the collection's path (from {@code uriInfo}) with the new resource's id.
     *
     * @param create what the POST does: creates the resource and returns its view
     * @param idOf   the view's id in its path, e.g. the SKU
     * @param tagOf  the view's {@code ETag}, or null for none
     */
    public <T> Response created(String key, UriInfo uriInfo, Object request, Supplier<T> create,
                                Function<? super T, Object> idOf, Function<? super T, EntityTag> tagOf) {
        String collection = collectionPath(uriInfo);
        return post(key, collection, request, () -> {
            T created = create.get();
            Response.ResponseBuilder answer = Response.created(UriBuilder.fromPath(collection).path("{id}")
                    .build(idOf.apply(created))).entity(created);
            if (tagOf != null) {
                answer.tag(tagOf.apply(created));
            }
            return answer.build();
        });
    }

    /**
     * The path the POST was sent to, e.g. {@code /api/v1/products}, without a trailing slash: the
     * base of the {@code Location} of what it created, here and in a POST that takes no key.
     */
    public static String collectionPath(UriInfo uriInfo) {
        String path = uriInfo.getAbsolutePath().getRawPath();
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
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
