-- check_stock_level_matches_ledger: its one current body. Created in V1, redefined in V8 (in numeric since V11);
-- those versioned files stay as they were applied (Flyway checksums them). Flyway re-runs this
-- file after the versioned migrations whenever it changes: the next change to the function is
-- made here, not in a new V file.
--
-- The deferred check at commit: a stock level (0 without a row) equals its ledger balance (0
-- without a movement), read from the running balance (stock_ledger_balance, V8).

create or replace function check_stock_level_matches_ledger(p_product_id bigint, p_location_id bigint)
    returns void
    language plpgsql as $$
declare
    level_on_hand  numeric;
    ledger_balance numeric;
begin
    select on_hand into level_on_hand
      from stock_level where product_id = p_product_id and location_id = p_location_id;
    select balance into ledger_balance
      from stock_ledger_balance where product_id = p_product_id and location_id = p_location_id;
    if coalesce(level_on_hand, 0) <> coalesce(ledger_balance, 0) then
        raise exception 'stock level of product % at location % is % but the ledger sums to %',
            p_product_id, p_location_id, coalesce(level_on_hand, 0), coalesce(ledger_balance, 0)
            using errcode = 'integrity_constraint_violation';
    end if;
end $$;
