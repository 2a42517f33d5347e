package org.stockroom.unit;

import java.util.List;
import java.util.Optional;

public interface UnitRepository {

    /** The listed unit with this code, in any case. */
    Optional<UnitOfMeasure> find(String code);

    List<UnitOfMeasure> all();
}
