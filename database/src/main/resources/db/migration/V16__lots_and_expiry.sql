-- Lots and expiry (issue 14, item 4): batch numbers and best-before dates, first expiry first out.
--
-- A product may be lot-tracked (product.lot_tracked). Then every unit of it in the stockroom is
-- in a lot: a lot number, unique per product, with at most one expiry date. Untracked products
-- (the default, and every product before this version) have no lots and behave as before.
--
-- Tables:
--   * lot: the lots of each product (product, lot number, expires_on), never changed or deleted;
--   * stock_movement_lot: which lots each movement moved, how much of each (signed like the
--     movement's quantity: positive, or the ADJUST's sign), append-only like the ledger;
--   * stock_lot_level: what each location holds of each lot, kept by trigger from
--     stock_movement_lot and by nothing else (as V8's heads are kept from the ledger).
--
-- Rules:
--   * a movement's lots are recorded with it, in its transaction, and are lots of its product;
--     their quantities add up to the movement's (checked at commit);
--   * for each product and location, at commit: the lot levels add up to the stock level for a
--     lot-tracked product, and to 0 for an untracked one (there is no stock outside a lot);
--   * a lot level is never negative (CHECK), so no movement takes more of a lot than is there;
--   * lots exist only for lot-tracked products, and a product's lot tracking can be switched on
--     or off only while it has no stock.
--
-- Nothing here is back-filled: every product starts untracked, with no lots.

-- Lot tracking ---------------------------------------------------------------------------------

alter table product add column lot_tracked boolean not null default false;

comment on column product.lot_tracked is
    'Whether every unit of the product is in a lot (stock_lot_level); switched only without stock';

-- Switching tracking with stock on hand would leave stock outside any lot (on) or lots that no
-- longer count (off). Like archiving (R__forbid_archiving_product_with_stock.sql) it looks at the
-- product's total and at its running balances, which never lag the ledger inside a transaction.
create function forbid_lot_tracking_change_with_stock() returns trigger
    language plpgsql as $$
begin
    if new.on_hand <> 0
       or exists (select 1 from stock_ledger_balance where product_id = new.id and balance <> 0) then
        raise exception 'product % still has stock on hand; its lot tracking can change only without stock', new.sku
            using errcode = 'check_violation';
    end if;
    return new;
end $$;

create trigger product_lot_tracking_only_without_stock
    before update of lot_tracked on product
    for each row when (new.lot_tracked is distinct from old.lot_tracked)
    execute function forbid_lot_tracking_change_with_stock();

-- The lots ---------------------------------------------------------------------------------------

create table lot (
    id         bigint generated always as identity primary key,
    product_id bigint      not null references product (id),
    lot_number varchar(64) not null,
    expires_on date,
    created_at timestamptz not null default now(),
    constraint lot_number_unique_per_product unique (product_id, lot_number),
    constraint lot_number_format check (lot_number ~ '^[A-Za-z0-9][A-Za-z0-9._/-]*$'),
    -- The target of the lot levels' reference to (lot, product): a level's product is its lot's.
    constraint lot_of_product unique (id, product_id)
);

create index lot_expires_on_idx on lot (expires_on) where expires_on is not null;

comment on table lot is
    'The lots (batches) of lot-tracked products: a number unique per product and at most one expiry date; never changed or deleted';

create function forbid_lot_of_untracked_product() returns trigger
    language plpgsql as $$
begin
    if not (select lot_tracked from product where id = new.product_id) then
        raise exception 'product % is not lot-tracked and has no lots', new.product_id
            using errcode = 'check_violation';
    end if;
    return new;
end $$;

create trigger lot_only_of_tracked_product
    before insert on lot
    for each row execute function forbid_lot_of_untracked_product();

-- A lot is a fact of the ledger's history (its movements name it): it never changes or goes.
create function forbid_lot_change() returns trigger
    language plpgsql as $$
begin
    raise exception 'lots never change and are never deleted (% refused)', tg_op
        using errcode = 'integrity_constraint_violation';
end $$;

create trigger lot_immutable
    before update or delete on lot
    for each row execute function forbid_lot_change();

create trigger lot_no_truncate
    before truncate on lot
    for each statement execute function forbid_lot_change();

-- What each location holds of each lot ------------------------------------------------------------

create table stock_lot_level (
    lot_id      bigint        not null,
    location_id bigint        not null references location (id),
    product_id  bigint        not null,
    on_hand     numeric(20, 6) not null,
    updated_at  timestamptz   not null default now(),
    primary key (lot_id, location_id),
    constraint stock_lot_level_lot_of_product foreign key (lot_id, product_id) references lot (id, product_id),
    -- Deferred: a client of its own may write the stock level after the movement that moves the lot.
    constraint stock_lot_level_has_stock_level foreign key (product_id, location_id)
        references stock_level (product_id, location_id) deferrable initially deferred,
    constraint stock_lot_level_on_hand_not_negative check (on_hand >= 0)
);

-- The lots in stock at one location (first expiry first reads these, and the commit-time check
-- sums them): a row stays at 0 once its lot has gone, so the index leaves those out.
create index stock_lot_level_in_stock_idx on stock_lot_level (product_id, location_id) where on_hand > 0;
create index stock_lot_level_location_idx on stock_lot_level (location_id) where on_hand > 0;

comment on table stock_lot_level is
    'On hand per lot and location; written only by trigger stock_movement_lot_moves_lot_levels';

-- Only the movements' lots move a lot level: move_lot_level() runs inside the trigger on
-- stock_movement_lot, so this guard fires at depth 2 there, at depth 1 for a client's own statement
-- (as V7 guards product.on_hand and V8 the ledger's heads).
create function forbid_direct_lot_level_change() returns trigger
    language plpgsql as $$
begin
    if tg_op in ('DELETE', 'TRUNCATE') or pg_trigger_depth() < 2 then
        raise exception 'stock_lot_level moves only with the lots of a new movement (% refused)', tg_op
            using errcode = 'integrity_constraint_violation',
                  hint = 'Record a movement that names the lot instead.';
    end if;
    return new;
end $$;

create trigger stock_lot_level_only_from_movements
    before insert or update or delete on stock_lot_level
    for each row execute function forbid_direct_lot_level_change();

create trigger stock_lot_level_no_truncate
    before truncate on stock_lot_level
    for each statement execute function forbid_direct_lot_level_change();

-- The lots of each movement ---------------------------------------------------------------------

create table stock_movement_lot (
    movement_id bigint         not null references stock_movement (id),
    lot_id      bigint         not null references lot (id),
    quantity    numeric(20, 6) not null,
    primary key (movement_id, lot_id),
    constraint stock_movement_lot_quantity_not_zero check (quantity <> 0)
);

create index stock_movement_lot_lot_idx on stock_movement_lot (lot_id);

comment on table stock_movement_lot is
    'Which lots a movement moved: quantity signed like the movement''s (positive; an ADJUST''s sign), adding up to it; append-only';

create trigger stock_movement_lot_append_only
    before update or delete on stock_movement_lot
    for each row execute function forbid_ledger_rewrite();

create trigger stock_movement_lot_no_truncate
    before truncate on stock_movement_lot
    for each statement execute function forbid_ledger_rewrite();

-- The lot ledger as per-location deltas, as stock_ledger_entry is the ledger's: a lot row counts
-- +quantity at the movement's to_location_id and -quantity at its from_location_id (an ADJUST's
-- signed quantity as it is, at its one location).
create view stock_lot_ledger_entry as
    select ml.movement_id, ml.lot_id, m.product_id, m.to_location_id as location_id, ml.quantity as delta
      from stock_movement_lot ml join stock_movement m on m.id = ml.movement_id
     where m.to_location_id is not null
    union all
    select ml.movement_id, ml.lot_id, m.product_id, m.from_location_id,
           case when m.movement_type = 'ADJUST' then ml.quantity else -ml.quantity end
      from stock_movement_lot ml join stock_movement m on m.id = ml.movement_id
     where m.from_location_id is not null;

-- Moves one lot level by delta (a location's first of the lot inserts it). A result below zero
-- is refused by the level's CHECK: more of the lot would leave than the location holds.
create function move_lot_level(p_lot_id bigint, p_location_id bigint, p_product_id bigint, p_delta numeric)
    returns void
    language plpgsql as $$
begin
    update stock_lot_level
       set on_hand = on_hand + p_delta, updated_at = now()
     where lot_id = p_lot_id and location_id = p_location_id;
    if not found then
        insert into stock_lot_level as level (lot_id, location_id, product_id, on_hand)
        values (p_lot_id, p_location_id, p_product_id, p_delta)
        on conflict (lot_id, location_id)
            do update set on_hand = level.on_hand + excluded.on_hand, updated_at = now();
    end if;
end $$;

create function record_movement_lot() returns trigger
    language plpgsql as $$
declare
    movement   record;
    lot_product bigint;
    tracked    boolean;
    places     smallint;
begin
    select id, movement_type, product_id, from_location_id, to_location_id, quantity, xmin
      into movement
      from stock_movement where id = new.movement_id;
    if not found then
        return new;  -- the foreign key refuses it
    end if;
    -- Only the transaction that records a movement says which lots it moved; history is not rewritten.
    if movement.xmin <> pg_current_xact_id()::xid then
        raise exception 'the lots of movement % are recorded with it, in its transaction', new.movement_id
            using errcode = 'integrity_constraint_violation';
    end if;
    select product_id into lot_product from lot where id = new.lot_id;
    if lot_product is distinct from movement.product_id then
        raise exception 'lot % is not a lot of product % (movement %)', new.lot_id, movement.product_id, new.movement_id
            using errcode = 'integrity_constraint_violation';
    end if;
    select lot_tracked, decimal_places into tracked, places from product where id = movement.product_id;
    if not tracked then
        raise exception 'product % is not lot-tracked; its movements move no lots', movement.product_id
            using errcode = 'check_violation';
    end if;
    if sign(new.quantity) <> sign(movement.quantity) then
        raise exception 'lot quantity % of movement % must have the sign of its quantity %',
            new.quantity, new.movement_id, movement.quantity
            using errcode = 'check_violation';
    end if;
    if not fits_decimal_places(new.quantity, places) then
        raise exception 'lot quantity % of product % has more than % decimal places', new.quantity, movement.product_id, places
            using errcode = 'check_violation';
    end if;
    -- The same locations, in the same ascending order, as the ledger's heads (V8).
    if movement.from_location_id is not null and movement.to_location_id is not null
       and movement.to_location_id < movement.from_location_id then
        perform move_lot_level(new.lot_id, movement.to_location_id, movement.product_id, new.quantity);
        perform move_lot_level(new.lot_id, movement.from_location_id, movement.product_id, -new.quantity);
    else
        if movement.from_location_id is not null then
            perform move_lot_level(new.lot_id, movement.from_location_id, movement.product_id,
                                   case when movement.movement_type = 'ADJUST' then new.quantity else -new.quantity end);
        end if;
        if movement.to_location_id is not null then
            perform move_lot_level(new.lot_id, movement.to_location_id, movement.product_id, new.quantity);
        end if;
    end if;
    return new;
end $$;

create trigger stock_movement_lot_moves_lot_levels
    before insert on stock_movement_lot
    for each row execute function record_movement_lot();

-- At commit ---------------------------------------------------------------------------------------

-- A movement's lots add up to its quantity (a movement without lot rows is checked through its
-- levels below: for a lot-tracked product its stock would not be in any lot).
create function check_movement_lots_add_up() returns trigger
    language plpgsql as $$
declare
    movement_quantity numeric;
    lots_total        numeric;
begin
    select quantity into movement_quantity from stock_movement where id = new.movement_id;
    select sum(quantity) into lots_total from stock_movement_lot where movement_id = new.movement_id;
    if lots_total <> movement_quantity then
        raise exception 'the lots of movement % add up to %, but it moved %', new.movement_id, lots_total, movement_quantity
            using errcode = 'integrity_constraint_violation';
    end if;
    return null;
end $$;

create constraint trigger stock_movement_lots_add_up
    after insert on stock_movement_lot
    deferrable initially deferred
    for each row execute function check_movement_lots_add_up();

-- The lot levels of a product at a location add up to its stock level if it is lot-tracked, to 0
-- if not: no stock of a tracked product is outside a lot, and an untracked one holds no lots.
create function check_lot_levels_match_stock_level(p_product_id bigint, p_location_id bigint)
    returns void
    language plpgsql as $$
declare
    tracked       boolean;
    level_on_hand numeric;
    lots_on_hand  numeric;
begin
    select lot_tracked into tracked from product where id = p_product_id;
    select coalesce(sum(on_hand), 0) into lots_on_hand
      from stock_lot_level where product_id = p_product_id and location_id = p_location_id and on_hand > 0;
    level_on_hand := 0;
    if tracked then
        select coalesce(max(on_hand), 0) into level_on_hand
          from stock_level where product_id = p_product_id and location_id = p_location_id;
    end if;
    if lots_on_hand <> level_on_hand then
        if tracked then
            raise exception 'the lots of product % at location % hold %, but % is on hand there',
                p_product_id, p_location_id, lots_on_hand, level_on_hand
                using errcode = 'integrity_constraint_violation';
        end if;
        raise exception 'product % is not lot-tracked, yet its lots at location % hold %',
            p_product_id, p_location_id, lots_on_hand
            using errcode = 'integrity_constraint_violation';
    end if;
end $$;

create function check_lot_levels_of_row() returns trigger
    language plpgsql as $$
begin
    perform check_lot_levels_match_stock_level(new.product_id, new.location_id);
    if tg_op = 'UPDATE' and (new.product_id <> old.product_id or new.location_id <> old.location_id) then
        perform check_lot_levels_match_stock_level(old.product_id, old.location_id);
    end if;
    return null;
end $$;

create constraint trigger stock_level_matches_lots
    after insert or update of on_hand, product_id, location_id on stock_level
    deferrable initially deferred
    for each row execute function check_lot_levels_of_row();

create constraint trigger stock_lot_level_matches_stock_level
    after insert or update on stock_lot_level
    deferrable initially deferred
    for each row execute function check_lot_levels_of_row();
