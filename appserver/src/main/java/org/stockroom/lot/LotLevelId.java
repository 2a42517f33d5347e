package org.stockroom.lot;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** A lot level is identified by its lot and its location. */
@Embeddable
public class LotLevelId implements Serializable {

    @Column(name = "lot_id")
    private long lotId;

    @Column(name = "location_id")
    private long locationId;

    protected LotLevelId() {
        // for JPA
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LotLevelId that && lotId == that.lotId && locationId == that.locationId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lotId, locationId);
    }
}
