-- A maintained per-product on-hand total (issue 6, performance).
--
-- Why: the low-stock report (products whose total on hand is below their reorder point) and
-- the product page summed stock_level.on_hand per product on every read: the report twice
-- per product (select list and where clause) while walking products in SKU order until 101
-- qualified, 6.6-11.7 ms per query even in pgbench. Now they read one column of the product
-- row, and the report walks a partial index that holds only the products below their
-- reorder point.
--
-- The cost: every change of a stock level also updates its product row (in the same
-- transaction, by the trigger below), so concurrent movements of one product queue on that
-- row, and the application server locks it first (FOR NO KEY UPDATE) so that they queue
-- instead of deadlocking. That update is never HOT: on_hand is a column of an index (in the
-- low-stock index's predicate), so each one writes a new entry into every index of product
-- (primary key, SKU, category, name, and the low-stock index when the product is below its
-- reorder point), and leaves the old row version for vacuum (docs/benchmarks.md measures it).
--
-- Rules:
--   * product.on_hand = sum of that product's stock_level.on_hand, always, kept by an AFTER
--     row trigger on stock_level (by delta; nothing happens when the delta is 0);
--   * nothing else may write product.on_hand: an INSERT with a non-zero on_hand or an UPDATE
--     that changes it outside that trigger is refused (integrity_constraint_violation);
--   * on_hand >= 0 follows from the levels' own check, and is checked again here.

alter table product add column on_hand bigint not null default 0;

-- Back-fill before the guard exists (the update runs at trigger depth 0).
update product p
   set on_hand = s.total
  from (select product_id, sum(on_hand) as total from stock_level group by product_id) s
 where s.product_id = p.id
   and s.total <> 0;

alter table product add constraint product_on_hand_not_negative check (on_hand >= 0);

-- Keeping the total ------------------------------------------------------------------------

create function maintain_product_on_hand() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if new.on_hand <> 0 then
            update product set on_hand = on_hand + new.on_hand where id = new.product_id;
        end if;
    elsif tg_op = 'DELETE' then
        if old.on_hand <> 0 then
            update product set on_hand = on_hand - old.on_hand where id = old.product_id;
        end if;
    elsif new.product_id = old.product_id then
        if new.on_hand <> old.on_hand then
            update product set on_hand = on_hand + (new.on_hand - old.on_hand) where id = new.product_id;
        end if;
    else
        -- A level re-keyed to another product (V2 #2 keeps the ledger check honest for it).
        if old.on_hand <> 0 then
            update product set on_hand = on_hand - old.on_hand where id = old.product_id;
        end if;
        if new.on_hand <> 0 then
            update product set on_hand = on_hand + new.on_hand where id = new.product_id;
        end if;
    end if;
    return null;
end $$;

create trigger stock_level_maintains_product_on_hand
    after insert or update or delete on stock_level
    for each row execute function maintain_product_on_hand();

-- TRUNCATE fires no row triggers; V2 already refuses it while any level holds stock, so the
-- totals (all 0 then) stay right.

-- Guarding the total ------------------------------------------------------------------------

-- Only maintain_product_on_hand() may change product.on_hand: its UPDATE runs inside a
-- trigger on stock_level, so this trigger fires at depth 2 there; a client's own UPDATE fires
-- it at depth 1. (A per-transaction setting would be forgeable by any client; a separate
-- table owned by another role would need roles this schema does not have.)
create function forbid_direct_on_hand_change() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        raise exception 'product.on_hand is the sum of the stock levels; a new product starts at 0 (got %)',
            new.on_hand
            using errcode = 'integrity_constraint_violation',
                  hint = 'Record a movement and change the stock level instead.';
    end if;
    if pg_trigger_depth() < 2 then
        raise exception 'product.on_hand of % is the sum of its stock levels and cannot be set directly', old.sku
            using errcode = 'integrity_constraint_violation',
                  hint = 'Record a movement and change the stock level instead.';
    end if;
    return new;
end $$;

create trigger product_on_hand_starts_at_zero
    before insert on product
    for each row when (new.on_hand <> 0) execute function forbid_direct_on_hand_change();

create trigger product_on_hand_only_from_levels
    before update on product
    for each row when (new.on_hand is distinct from old.on_hand) execute function forbid_direct_on_hand_change();

-- Archiving, simplified ---------------------------------------------------------------------

-- The product's own total replaces the scan of its stock levels. The ledger is still
-- consulted: inside a transaction the levels (and so the total) may lag the ledger until the
-- deferred check at commit (V2 #5).
create or replace function forbid_archiving_product_with_stock() returns trigger
    language plpgsql as $$
begin
    if new.archived and not old.archived
       and (new.on_hand <> 0
            or exists (select 1 from stock_ledger_entry where product_id = new.id
                        group by location_id having sum(delta) <> 0)) then
        raise exception 'product % still has stock on hand and cannot be archived', new.sku
            using errcode = 'check_violation';
    end if;
    return new;
end $$;

-- Locking, adjusted -------------------------------------------------------------------------

-- V3 locked the product FOR SHARE when stock came in. The level change that follows now
-- updates the product row, so two such transactions would each hold FOR SHARE and then both
-- wait to update: a deadlock. FOR NO KEY UPDATE makes them queue instead; it still waits
-- for (and is waited for by) an archive, and it does not block the foreign keys' KEY SHARE.
create or replace function forbid_receipt_of_archived_product() returns trigger
    language plpgsql as $$
declare
    product_archived boolean;
begin
    if new.movement_type = 'RECEIVE' or (new.movement_type = 'ADJUST' and new.quantity > 0) then
        select archived into product_archived from product where id = new.product_id for no key update;
        if product_archived then
            raise exception 'product % is archived and takes no new stock', new.product_id
                using errcode = 'check_violation';
        end if;
    end if;
    return new;
end $$;

-- The low-stock report ----------------------------------------------------------------------

-- GET /products?belowReorder=true: an index range scan in SKU order over just the products
-- below their reorder point, instead of walking every product summing its levels.
create index product_low_stock_sku_idx on product (sku) where not archived and on_hand < reorder_point;

comment on column product.on_hand is
    'Sum of this product''s stock_level.on_hand, kept by trigger stock_level_maintains_product_on_hand; read-only for clients';
