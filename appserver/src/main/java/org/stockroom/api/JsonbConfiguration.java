package org.stockroom.api;

import jakarta.inject.Singleton;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for the API, refusing request fields it does not know, numbers that are
 * not whole where whole ones belong, numbers in quotes, and text sent as anything but a JSON string.
 */
@Provider
@Singleton
public class JsonbConfiguration implements ContextResolver<Jsonb> {

    // Yasson's switch; other JSON-B implementations ignore the unknown property.
    private static final String FAIL_ON_UNKNOWN_PROPERTIES = "jsonb.fail-on-unknown-properties";

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .setProperty(FAIL_ON_UNKNOWN_PROPERTIES, true)
            .withDeserializers(new StrictIntegerDeserializer(), new StrictDecimalDeserializer(),
                    new StrictStringDeserializer()));

    /** The instance the REST runtime reads requests and writes responses with, for code that needs the same JSON. */
    public static Jsonb jsonb() {
        return JSONB;
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
