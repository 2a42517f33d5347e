package org.stockroom.stocktake;

/** Where a stocktake is in its life: counted while OPEN, then POSTED or CANCELLED, once and for good. */
public enum StocktakeStatus {
    /** Clerks are counting; nothing has changed the stock yet. */
    OPEN,
    /** Its differences were written to the ledger as ADJUST movements; read-only. */
    POSTED,
    /** Abandoned without changing any stock; read-only. */
    CANCELLED
}
