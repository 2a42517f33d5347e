-- Repairs to V1's integrity rules, found by the database integration tests.
-- (V1 is left as it was so that databases already migrated still validate.)
--
-- 1. forbid_identifier_change() read new.code on product rows and new.sku on location rows.
--    PL/pgSQL resolves every field in the expression, so EVERY update of a product or a
--    location failed with 42703 (record "new" has no field ...): no rename, no archive.
--    Each table now has its own trigger function.
-- 2. Updating a stock_level row's product_id or location_id re-checked only its new key, so a
--    level could be re-keyed away from its ledger (delete one row, move another onto its key)
--    and the old key's stock silently vanished. An update now re-checks the old key as well.
-- 3. TRUNCATE fires no row triggers, so TRUNCATE stock_level emptied the levels without any
--    check against the ledger. It is refused while any level holds stock.
-- 4. A receipt and an archive racing in two transactions could both commit, leaving an
--    archived product with stock: the receipt read product.archived without a lock, and the
--    foreign key's KEY SHARE lock does not conflict with updating a non-key column. A receipt
--    now locks the product row FOR SHARE, so it waits for an uncommitted archive (then sees
--    it), and an archive waits for an uncommitted receipt (then sees its stock).
-- 5. Archiving looked only at stock_level, which may lag the ledger inside a transaction
--    (the level check is deferred to commit): RECEIVE, archive, then update the level
--    committed an archived product with stock. Archiving now also looks at the ledger.

-- 1 -------------------------------------------------------------------------------------

drop trigger product_identifier_immutable on product;
drop trigger location_identifier_immutable on location;
drop function forbid_identifier_change();

create function forbid_product_identifier_change() returns trigger
    language plpgsql as $$
begin
    if new.id is distinct from old.id or new.sku is distinct from old.sku then
        raise exception 'product identifiers are immutable (SKU % cannot change)', old.sku
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end $$;

create function forbid_location_identifier_change() returns trigger
    language plpgsql as $$
begin
    if new.id is distinct from old.id or new.code is distinct from old.code then
        raise exception 'location identifiers are immutable (code % cannot change)', old.code
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end $$;

create trigger product_identifier_immutable
    before update on product
    for each row execute function forbid_product_identifier_change();

create trigger location_identifier_immutable
    before update on location
    for each row execute function forbid_location_identifier_change();

-- 2 -------------------------------------------------------------------------------------

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

-- 3 -------------------------------------------------------------------------------------

create function forbid_truncating_stock() returns trigger
    language plpgsql as $$
begin
    if exists (select 1 from stock_level where on_hand <> 0) then
        raise exception 'stock levels hold stock the ledger accounts for; TRUNCATE would put them out of step'
            using errcode = 'integrity_constraint_violation',
                  hint = 'Move the stock out with ISSUE or ADJUST movements first.';
    end if;
    return null;
end $$;

create trigger stock_level_no_truncate
    before truncate on stock_level
    for each statement execute function forbid_truncating_stock();

-- 4 -------------------------------------------------------------------------------------

create or replace function forbid_receipt_of_archived_product() returns trigger
    language plpgsql as $$
declare
    product_archived boolean;
begin
    if new.movement_type = 'RECEIVE' then
        select archived into product_archived from product where id = new.product_id for share;
        if product_archived then
            raise exception 'product % is archived and takes no receipts', new.product_id
                using errcode = 'check_violation';
        end if;
    end if;
    return new;
end $$;

-- 5 -------------------------------------------------------------------------------------

create or replace function forbid_archiving_product_with_stock() returns trigger
    language plpgsql as $$
begin
    if new.archived and not old.archived
       and (exists (select 1 from stock_level where product_id = new.id and on_hand <> 0)
            or exists (select 1 from stock_ledger_entry where product_id = new.id
                        group by location_id having sum(delta) <> 0)) then
        raise exception 'product % still has stock on hand and cannot be archived', new.sku
            using errcode = 'check_violation';
    end if;
    return new;
end $$;
