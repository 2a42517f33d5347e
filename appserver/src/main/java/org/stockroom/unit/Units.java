package org.stockroom.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** The units the stockroom counts in; what a product's unit of measure means for its quantities. */
@ApplicationScoped
public class Units {

    private final UnitRepository units;

    @Inject
    public Units(UnitRepository units) {
        this.units = units;
    }

    /** The unit a product names: the listed one, or an unlisted one counted in whole units. */
    @Transactional
    public UnitOfMeasure of(String code) {
        return units.find(code).orElseGet(() -> UnitOfMeasure.unlisted(code));
    }

    @Transactional
    public List<UnitOfMeasure> all() {
        return units.all();
    }
}
