package org.stockroom.location;

import java.util.List;
import java.util.Optional;

/** The places that hold stock. */
public interface LocationRepository {

    Optional<Location> findByCode(String code);

    boolean existsByCode(String code);

    void add(Location location);

    void flush();

    /** Up to {@code limit} locations after {@code afterCode} in code order. */
    List<Location> list(String afterCode, int limit);
}
