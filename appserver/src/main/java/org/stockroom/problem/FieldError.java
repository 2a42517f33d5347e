package org.stockroom.problem;

/**
 * One invalid field of a request.
 *
 * @param pointer a JSON pointer (RFC 6901) into the request body, e.g. {@code /quantity},
 *                or the name of the query parameter, e.g. {@code limit}
 * @param message what is wrong with it, in words a user can act on
 */
public record FieldError(String pointer, String message) {
}
