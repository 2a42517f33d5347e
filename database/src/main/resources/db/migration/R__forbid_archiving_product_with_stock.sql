-- forbid_archiving_product_with_stock: its one current body. Created in V1, redefined in V2, V7, V8;
-- those versioned files stay as they were applied (Flyway checksums them). Flyway re-runs this
-- file after the versioned migrations whenever it changes: the next change to the function is
-- made here, not in a new V file.
--
-- A product is archived only without stock: its own total (product.on_hand, V7) and its
-- running balances (stock_ledger_balance, V8; they never lag the ledger, the levels may until
-- commit) are all zero.

create or replace function forbid_archiving_product_with_stock() returns trigger
    language plpgsql as $$
begin
    if new.archived and not old.archived
       and (new.on_hand <> 0
            or exists (select 1 from stock_ledger_balance where product_id = new.id and balance <> 0)) then
        raise exception 'product % still has stock on hand and cannot be archived', new.sku
            using errcode = 'check_violation';
    end if;
    return new;
end $$;
