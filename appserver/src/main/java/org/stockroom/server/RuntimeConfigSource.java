package org.stockroom.server;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * The settings the bootstrap decides at start-up (which database, for one), handed to
 * the runtime above every other config source.
 */
final class RuntimeConfigSource implements ConfigSource {

    private static final int ORDINAL = 500;  // above system properties (400) and the environment (300)

    private final Map<String, String> properties;

    RuntimeConfigSource(Map<String, String> properties) {
        this.properties = Map.copyOf(properties);
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "stockroom-runtime";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
