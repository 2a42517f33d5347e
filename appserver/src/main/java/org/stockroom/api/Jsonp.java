package org.stockroom.api;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the server, found once. {@code Json.createObjectBuilder()} and its
 * siblings look the provider up through ServiceLoader on every call; on the movement path
 * (audit details, body screening) that lookup was 11% of the server's CPU in the benchmark.
 */
public final class Jsonp {

    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsonp() {
    }
}
