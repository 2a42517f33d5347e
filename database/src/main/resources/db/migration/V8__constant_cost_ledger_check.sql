-- The commit-time ledger check at a constant cost per movement (issue 13).
--
-- Why: check_stock_level_matches_ledger() (V1) summed every movement of the product at the
-- location, through stock_ledger_entry, and the deferred constraint triggers call it two to
-- four times per movement while the product row is locked. Its cost grew with the history:
-- 0.4 ms for 1,000 ledger rows of one product at one location, 64-69 ms for 1,000,000, so a
-- busy SKU would have fallen to a few movements per second.
--
-- Now the ledger carries its running balance, as a stock card does: each movement records, for
-- each location it touches, the product's balance there after it (from_balance_after,
-- to_balance_after), and stock_ledger_balance holds the head of each (product, location) chain.
-- A BEFORE INSERT trigger on stock_movement moves the head by the movement's delta and writes
-- the new balance into the row, so every balance is the previous one plus the delta, by
-- construction. The commit-time check compares the level with the head: two primary-key
-- lookups, whatever the length of the history.
--
-- Rules:
--   * only that trigger writes stock_ledger_balance; a client's INSERT, UPDATE, DELETE or
--     TRUNCATE is refused (integrity_constraint_violation);
--   * the head's row lock serialises movements of one product at one location, so two of them
--     can never both build on the same previous balance (the chain cannot fork), and for each
--     (product, location) the ledger's id order is the order its balances chain in;
--   * a balance a client supplies in the new columns is checked, not trusted: a value that
--     differs from the ledger's is refused (integrity_constraint_violation), the same value is
--     accepted, and null (what the application server sends: nothing) is filled in;
--   * no balance here has a check of its own that it is not negative: at commit every head
--     equals its level, which can never be negative (V1); between two statements of one
--     transaction a balance may dip below zero (an issue recorded before the receipt that
--     covers it), as V1 allowed, and the level's check is still the one that refuses an issue
--     of more than is on hand.
--
-- Upgrading: the back-fill below reads the whole ledger once and rewrites every movement row
-- (docs/operations.md, "Upgrades", says how long that takes).

-- The head of each chain ---------------------------------------------------------------------

create table stock_ledger_balance (
    product_id       bigint not null references product (id),
    location_id      bigint not null references location (id),
    balance          bigint not null,
    -- Not a foreign key: its one writer sets it to the id of the movement being inserted. A
    -- reference would have to be deferred (that movement's row exists only after its INSERT),
    -- costing a lookup and a row lock per movement at commit, and TRUNCATE stock_movement would
    -- then fail on the reference before the ledger's own refusal could say why.
    last_movement_id bigint not null,
    primary key (product_id, location_id)
);

insert into stock_ledger_balance (product_id, location_id, balance, last_movement_id)
select product_id, location_id, sum(delta), max(movement_id)
  from stock_ledger_entry
 group by product_id, location_id;

comment on table stock_ledger_balance is
    'Head of the ledger per product and location: the balance after its last movement; written only by trigger stock_movement_records_running_balance';

-- The running balance on every movement ------------------------------------------------------

alter table stock_movement
    add column from_balance_after bigint,
    add column to_balance_after bigint;

-- One pass over the existing ledger: each side of each movement gets the running sum of its
-- (product, location) in id order, which is the order the heads move in from now on. The sums
-- go into a temporary table first, and the UPDATE below takes them in slices of ids, so that it
-- walks the ledger once in the order it lies on disk. Joined straight to the window's output (in
-- product and location order, estimated at 200 rows through the UNION) the planner chose a
-- nested loop that wrote the ledger's pages back many times over; in one statement, a hash join
-- too big for memory did the same batch by batch (see docs/operations.md, "Upgrades").
set local work_mem = '256MB';

create temporary table movement_balance_after on commit drop as
with entry as (
    select id, product_id, to_location_id as location_id, quantity as delta, true as to_side
      from stock_movement
     where to_location_id is not null
    union all
    select id, product_id, from_location_id,
           case when movement_type = 'ADJUST' then quantity else -quantity end, false
      from stock_movement
     where from_location_id is not null
), running as (
    select id, to_side,
           sum(delta) over (partition by product_id, location_id order by id) as balance_after
      from entry
)
select id,
       max(balance_after) filter (where not to_side) as from_balance_after,
       max(balance_after) filter (where to_side) as to_balance_after
  from running
 group by id
 order by id;

alter table movement_balance_after add primary key (id);
analyze movement_balance_after;

-- The ledger refuses every UPDATE (V1); this is the one rewrite it gets, so its guard is off
-- for just this statement. V6's recorded_by check (NOT VALID, so older rows without a user
-- could stay) would still be applied to every updated row, and those older rows would fail it:
-- it is dropped and put back exactly as it was.
alter table stock_movement disable trigger stock_movement_append_only;
alter table stock_movement drop constraint stock_movement_recorded_by_required;

do $$
declare
    slice    constant bigint := 100000;
    first_id bigint;
    last_id  bigint;
begin
    select min(id), max(id) into first_id, last_id from movement_balance_after;
    while first_id <= last_id loop
        update stock_movement m
           set from_balance_after = b.from_balance_after,
               to_balance_after = b.to_balance_after
          from movement_balance_after b
         where b.id = m.id
           and m.id >= first_id and m.id < first_id + slice
           and b.id >= first_id and b.id < first_id + slice;
        first_id := first_id + slice;
    end loop;
end $$;

alter table stock_movement
    add constraint stock_movement_recorded_by_required
        check (recorded_by is not null and btrim(recorded_by) <> '') not valid;
alter table stock_movement enable trigger stock_movement_append_only;

-- A balance for exactly the locations a movement touches.
alter table stock_movement
    add constraint stock_movement_balance_after_where_stock_moved check (
        (from_balance_after is null) = (from_location_id is null)
        and (to_balance_after is null) = (to_location_id is null));

comment on column stock_movement.from_balance_after is
    'Balance of the product at from_location_id after this movement; set by trigger stock_movement_records_running_balance';
comment on column stock_movement.to_balance_after is
    'Balance of the product at to_location_id after this movement; set by trigger stock_movement_records_running_balance';

-- Moving the head ----------------------------------------------------------------------------

-- Moves the head of (product, location) by delta on behalf of movement movement_id and returns
-- the new balance. UPDATE first: it is the case of every movement but a location's first, and
-- it waits for a concurrent movement's uncommitted head and then builds on its balance. The
-- INSERT ... ON CONFLICT covers the first movement, and two first movements racing.
create function move_ledger_balance(p_product_id bigint, p_location_id bigint, p_delta bigint, p_movement_id bigint)
    returns bigint
    language plpgsql as $$
declare
    balance_after bigint;
begin
    update stock_ledger_balance
       set balance = balance + p_delta, last_movement_id = p_movement_id
     where product_id = p_product_id and location_id = p_location_id
    returning balance into balance_after;
    if not found then
        insert into stock_ledger_balance as head (product_id, location_id, balance, last_movement_id)
        values (p_product_id, p_location_id, p_delta, p_movement_id)
        on conflict (product_id, location_id)
            do update set balance = head.balance + excluded.balance, last_movement_id = excluded.last_movement_id
        returning balance into balance_after;
    end if;
    return balance_after;
end $$;

create function require_supplied_balance(p_movement_id bigint, side text, supplied bigint, ledger_balance bigint)
    returns void
    language plpgsql as $$
begin
    if supplied is not null and supplied <> ledger_balance then
        raise exception 'movement % gives %_balance_after %, but the ledger''s balance after it is %',
            p_movement_id, side, supplied, ledger_balance
            using errcode = 'integrity_constraint_violation',
                  hint = 'Leave the balance columns out; the database fills them in.';
    end if;
end $$;

create function record_running_balance() returns trigger
    language plpgsql as $$
declare
    from_delta bigint := case when new.movement_type = 'ADJUST' then new.quantity else -new.quantity end;
    from_after bigint;
    to_after   bigint;
begin
    -- The product row first, as the application server and V7's trigger take it: a client
    -- writing SQL of its own then queues on it too instead of deadlocking on the heads.
    perform 1 from product where id = new.product_id for no key update;
    -- The id was drawn before this trigger ran, so a movement that waited above may hold an id
    -- lower than one that another transaction has meanwhile put on a head this one moves. It
    -- draws a new one: for each (product, location) the ledger's id order stays the order its
    -- balances chain in. (The application server locks the product before it inserts, so its
    -- movements never need to.)
    if new.id <= (select max(last_movement_id) from stock_ledger_balance
                   where product_id = new.product_id
                     and location_id in (new.from_location_id, new.to_location_id)) then
        new.id := nextval(pg_get_serial_sequence('stock_movement', 'id'));
    end if;
    -- The heads in ascending location order, so two transfers in opposite directions queue
    -- rather than each holding one head and waiting for the other.
    if new.from_location_id is not null and new.to_location_id is not null
       and new.to_location_id < new.from_location_id then
        to_after := move_ledger_balance(new.product_id, new.to_location_id, new.quantity, new.id);
        from_after := move_ledger_balance(new.product_id, new.from_location_id, from_delta, new.id);
    else
        if new.from_location_id is not null then
            from_after := move_ledger_balance(new.product_id, new.from_location_id, from_delta, new.id);
        end if;
        if new.to_location_id is not null then
            to_after := move_ledger_balance(new.product_id, new.to_location_id, new.quantity, new.id);
        end if;
    end if;
    if new.from_location_id is not null then
        perform require_supplied_balance(new.id, 'from', new.from_balance_after, from_after);
        new.from_balance_after := from_after;
    end if;
    if new.to_location_id is not null then
        perform require_supplied_balance(new.id, 'to', new.to_balance_after, to_after);
        new.to_balance_after := to_after;
    end if;
    return new;
end $$;

-- Before-insert triggers fire in name order: this one after stock_movement_no_receipt_when_archived,
-- so a refused receipt moves no head.
create trigger stock_movement_records_running_balance
    before insert on stock_movement
    for each row execute function record_running_balance();

-- Guarding the heads -------------------------------------------------------------------------

-- As V7 guards product.on_hand: move_ledger_balance() runs inside the trigger on stock_movement,
-- so this trigger fires at depth 2 there; a client's own statement fires it at depth 1. A head
-- is never deleted: its movements stay in the ledger for ever.
create function forbid_direct_ledger_balance_change() returns trigger
    language plpgsql as $$
begin
    if tg_op in ('DELETE', 'TRUNCATE') or pg_trigger_depth() < 2 then
        raise exception 'stock_ledger_balance is the head of the ledger and moves only with a new movement (% refused)', tg_op
            using errcode = 'integrity_constraint_violation',
                  hint = 'Record a movement instead.';
    end if;
    return new;
end $$;

create trigger stock_ledger_balance_only_from_movements
    before insert or update or delete on stock_ledger_balance
    for each row execute function forbid_direct_ledger_balance_change();

create trigger stock_ledger_balance_no_truncate
    before truncate on stock_ledger_balance
    for each statement execute function forbid_direct_ledger_balance_change();

-- The check, at a constant cost --------------------------------------------------------------

-- Same contract as V1's: the level (0 without a row) must equal the ledger (0 without a
-- movement); the ledger's sum is now its head.
create or replace function check_stock_level_matches_ledger(p_product_id bigint, p_location_id bigint)
    returns void
    language plpgsql as $$
declare
    level_on_hand  bigint;
    ledger_balance bigint;
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

-- Archiving, from the heads ------------------------------------------------------------------

-- V7 still scanned the product's whole ledger here (the levels may lag it until commit, V2 #5);
-- the heads never lag it, and there is one per location the product was ever at.
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
