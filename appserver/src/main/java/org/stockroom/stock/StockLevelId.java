package org.stockroom.stock;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** A stock level is identified by its product and its location. */
@Embeddable
public class StockLevelId implements Serializable {

    @Column(name = "product_id")
    private long productId;

    @Column(name = "location_id")
    private long locationId;

    protected StockLevelId() {
        // for JPA
    }

    public StockLevelId(long productId, long locationId) {
        this.productId = productId;
        this.locationId = locationId;
    }

    public long productId() {
        return productId;
    }

    public long locationId() {
        return locationId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StockLevelId that && productId == that.productId && locationId == that.locationId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(productId, locationId);
    }
}
