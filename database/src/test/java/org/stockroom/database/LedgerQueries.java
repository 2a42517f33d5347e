package org.stockroom.database;

/** Whole-database consistency queries, each counting the rows that break a rule (0 = rule holds). */
final class LedgerQueries {

    /** Stock levels whose on hand differs from their ledger sum, and ledger sums with no level row. */
    static final String LEVELS_DISAGREEING_WITH_LEDGER = """
            select count(*)
              from stock_level l
              full join (select product_id, location_id, sum(delta) as on_hand
                           from stock_ledger_entry
                          group by product_id, location_id) s
                on s.product_id = l.product_id and s.location_id = l.location_id
             where coalesce(l.on_hand, 0) <> coalesce(s.on_hand, 0)""";

    /** Products whose maintained total (V7) differs from the sum of their stock levels. */
    static final String PRODUCT_TOTALS_DISAGREEING_WITH_LEVELS = """
            select count(*)
              from product p
             where p.on_hand <> (select coalesce(sum(s.on_hand), 0) from stock_level s where s.product_id = p.id)""";

    static final String NEGATIVE_LEVELS = "select count(*) from stock_level where on_hand < 0";

    private LedgerQueries() {
    }
}
