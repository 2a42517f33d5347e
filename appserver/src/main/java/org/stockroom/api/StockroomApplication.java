package org.stockroom.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;

/** Version 1 of the Stockroom REST API; resources and providers are found by CDI discovery. */
@ApplicationScoped
@ApplicationPath("/api/v1")
public class StockroomApplication extends Application {

    /**
     * Answer {@code Location: /api/v1/products/BOLT-1} as created, not resolved against
     * the host name the request happened to use (RFC 9110 allows a relative reference).
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
