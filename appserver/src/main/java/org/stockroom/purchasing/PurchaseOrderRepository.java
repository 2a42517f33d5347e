package org.stockroom.purchasing;

import java.util.List;
import java.util.Optional;

/** Purchase orders, their lines and their receipts. */
public interface PurchaseOrderRepository {

    Optional<PurchaseOrder> findByNumber(String number);

    /**
     * Finds an order and locks it until the transaction ends ({@code FOR NO KEY UPDATE}): two
     * deliveries of one order, or a delivery and a cancel, run one after the other, and the second
     * reads the lines as the first left them.
     */
    Optional<PurchaseOrder> findByNumberForUpdate(String number);

    boolean existsByNumber(String number);

    void add(PurchaseOrder order);

    void addReceipt(PurchaseReceipt receipt);

    /** Writes pending changes now, so that constraint refusals surface here. */
    void flush();

    /** Up to {@code limit} orders older than {@code beforeId}, newest first. */
    List<PurchaseOrder> search(PurchaseOrderQuery query, Long beforeId, int limit);

    /** The order's deliveries, oldest first, with their lines and movements. */
    List<PurchaseReceipt> receiptsOf(PurchaseOrder order);

    Optional<PurchaseReceipt> findReceipt(PurchaseOrder order, long id);
}
