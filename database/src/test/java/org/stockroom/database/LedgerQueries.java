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

    /** Heads of the ledger (V8) whose balance or last movement differ from the ledger's, and ledgers with no head. */
    static final String HEADS_DISAGREEING_WITH_LEDGER = """
            select count(*)
              from stock_ledger_balance h
              full join (select product_id, location_id, sum(delta) as balance, max(movement_id) as last_movement_id
                           from stock_ledger_entry
                          group by product_id, location_id) s
                on s.product_id = h.product_id and s.location_id = h.location_id
             where h.balance is distinct from s.balance
                or h.last_movement_id is distinct from s.last_movement_id""";

    /**
     * Ledger rows (V8) whose balance after is not the previous row's at the same product and
     * location plus their own delta (the first row's previous balance is 0), or is missing.
     */
    static final String BALANCES_BREAKING_THE_CHAIN = """
            select count(*)
              from (select balance_after, delta,
                           lag(balance_after, 1, 0::bigint)
                               over (partition by product_id, location_id order by movement_id) as previous
                      from (select e.movement_id, e.product_id, e.location_id, e.delta,
                                   case when e.location_id = m.to_location_id then m.to_balance_after
                                        else m.from_balance_after end as balance_after
                              from stock_ledger_entry e
                              join stock_movement m on m.id = e.movement_id) entry) chain
             where balance_after is null or balance_after <> previous + delta""";

    private LedgerQueries() {
    }
}
