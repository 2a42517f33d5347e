package org.stockroom.client;

/** One invalid field of a request: a JSON pointer into the request body and what is wrong with it. */
public record FieldError(String pointer, String message) {
}
