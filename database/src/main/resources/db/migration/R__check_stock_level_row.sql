-- check_stock_level_row: its one current body. Created in V1, redefined in V2;
-- those versioned files stay as they were applied (Flyway checksums them). Flyway re-runs this
-- file after the versioned migrations whenever it changes: the next change to the function is
-- made here, not in a new V file.
--
-- Trigger function of stock_level's deferred check: checks the level's pair, and the old pair
-- too when an update moved the row to another product or location (V2).

create or replace function check_stock_level_row() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform check_stock_level_matches_ledger(new.product_id, new.location_id);
    elsif tg_op = 'DELETE' then
        perform check_stock_level_matches_ledger(old.product_id, old.location_id);
    else
        perform check_stock_level_matches_ledger(new.product_id, new.location_id);
        if new.product_id <> old.product_id or new.location_id <> old.location_id then
            perform check_stock_level_matches_ledger(old.product_id, old.location_id);
        end if;
    end if;
    return null;
end $$;
