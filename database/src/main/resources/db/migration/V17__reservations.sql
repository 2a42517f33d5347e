-- Reservations (issue 14, item 2): stock held at a location for a reference (an order number).
--
-- A reservation holds a quantity of one product at one location until it is consumed by ISSUEs
-- that name it, released, or expires. What it still holds is its remaining quantity; a closed
-- reservation (CONSUMED, RELEASED, EXPIRED) holds nothing and never changes again. The stock level
-- carries the total held there (stock_level.reserved), kept by the application server in the same
-- row update as on_hand, so available = on_hand - reserved is read from one locked row.
--
-- Rules kept here, whatever the client:
--   * a level's reserved is never negative and never more than its on_hand (CHECKs on the row, so
--     no statement can leave available below zero, not even for a moment);
--   * at commit, every level's reserved equals the sum of the remaining quantities of its OPEN
--     reservations (a deferred constraint trigger, as V1's on-hand check against the ledger);
--   * a reservation's quantity is positive and fits its product's unit; remaining is between 0 and
--     quantity, positive exactly while it is OPEN, and only ever goes down;
--   * a reservation starts OPEN with remaining = quantity, for a product that is not archived, with
--     an expiry after its creation; it goes from OPEN to CONSUMED (remaining 0), RELEASED or EXPIRED
--     (only once its expiry has passed), once, and then never changes; its product, location,
--     reference, quantity, expiry, creator and creation never change; it is never deleted;
--   * an ISSUE that names a reservation is of its product, out of its location (a composite
--     foreign key), and only an ISSUE names one.
--
-- Live updates: a change of a level's reserved is announced on channel stockroom_reservation as
-- '<product id>:<location id>' when its transaction commits (V14 announces movements likewise).

-- The total held per level -------------------------------------------------------------------------

alter table stock_level
    add column reserved numeric(20, 6) not null default 0,
    add constraint stock_level_reserved_not_negative check (reserved >= 0),
    add constraint stock_level_reserved_within_on_hand check (on_hand >= reserved);

comment on column stock_level.reserved is
    'Held by OPEN reservations here: the sum of their remaining quantities (checked at commit); available = on_hand - reserved';

-- The reservations -----------------------------------------------------------------------------------

create table reservation (
    id          bigint         generated always as identity primary key,
    product_id  bigint         not null,
    location_id bigint         not null,
    reference   text           not null,
    quantity    numeric(20, 6) not null,
    remaining   numeric(20, 6) not null,
    status      text           not null default 'OPEN',
    expires_at  timestamptz    not null,
    created_by  text           not null,
    created_at  timestamptz    not null default now(),
    closed_at   timestamptz,
    version     bigint         not null default 0,
    -- Only stock a level holds can be held: the level exists.
    constraint reservation_of_stock_level foreign key (product_id, location_id)
        references stock_level (product_id, location_id),
    constraint reservation_status_known check (status in ('OPEN', 'CONSUMED', 'RELEASED', 'EXPIRED')),
    constraint reservation_quantity_positive check (quantity > 0),
    constraint reservation_remaining_within_quantity check (remaining >= 0 and remaining <= quantity),
    constraint reservation_holds_while_open check ((status = 'OPEN') = (remaining > 0)),
    constraint reservation_closed_when check ((status = 'OPEN') = (closed_at is null)),
    constraint reservation_reference_format check (btrim(reference) <> '' and char_length(reference) <= 100),
    constraint reservation_created_by_not_blank check (btrim(created_by) <> ''),
    constraint reservation_expires_after_creation check (expires_at > created_at),
    -- The target of the movements' reference to (reservation, product, location).
    constraint reservation_of_product_at_location unique (id, product_id, location_id)
);

-- The level check at commit and the sweep of one level read its open reservations.
create index reservation_open_level_idx on reservation (product_id, location_id, expires_at) where status = 'OPEN';
-- The periodic sweep: the open reservations past their expiry.
create index reservation_open_expiry_idx on reservation (expires_at) where status = 'OPEN';
-- GET /reservations, newest first, by product, location, reference or status.
create index reservation_product_idx on reservation (product_id, id);
create index reservation_location_idx on reservation (location_id, id);
create index reservation_reference_idx on reservation (reference, id);
create index reservation_status_idx on reservation (status, id);

comment on table reservation is
    'Stock held for a reference at one location: OPEN while it holds remaining, then CONSUMED, RELEASED or EXPIRED';

create function check_reservation_change() returns trigger
    language plpgsql as $$
declare
    places   smallint;
    archived boolean;
begin
    if tg_op = 'DELETE' then
        raise exception 'reservations are kept: reservation % cannot be deleted; release it', old.id
            using errcode = 'integrity_constraint_violation';
    end if;
    if tg_op = 'INSERT' then
        if new.status <> 'OPEN' or new.remaining <> new.quantity or new.closed_at is not null then
            raise exception 'a reservation starts OPEN, holding all of its quantity'
                using errcode = 'integrity_constraint_violation';
        end if;
        select decimal_places, product.archived into places, archived from product where id = new.product_id;
        if archived then
            raise exception 'product % is archived and cannot be reserved', new.product_id
                using errcode = 'check_violation';
        end if;
        if not fits_decimal_places(new.quantity, places) then
            raise exception 'reservation quantity % of product % has more than % decimal places',
                new.quantity, new.product_id, places
                using errcode = 'check_violation';
        end if;
        return new;
    end if;
    if old.status <> 'OPEN' then
        raise exception 'reservation % is % and never changes again', old.id, old.status
            using errcode = 'integrity_constraint_violation';
    end if;
    if new.id <> old.id or new.product_id <> old.product_id or new.location_id <> old.location_id
       or new.reference <> old.reference or new.quantity <> old.quantity or new.expires_at <> old.expires_at
       or new.created_by <> old.created_by or new.created_at <> old.created_at then
        raise exception 'reservation %: product, location, reference, quantity, expiry and creation never change', old.id
            using errcode = 'integrity_constraint_violation';
    end if;
    if new.remaining > old.remaining then
        raise exception 'reservation % holds % and cannot hold more (%)', old.id, old.remaining, new.remaining
            using errcode = 'integrity_constraint_violation';
    end if;
    if new.status = 'EXPIRED' and now() < old.expires_at then
        raise exception 'reservation % expires at % and cannot expire before', old.id, old.expires_at
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end $$;

create trigger reservation_rules
    before insert or update or delete on reservation
    for each row execute function check_reservation_change();

create function forbid_reservation_truncate() returns trigger
    language plpgsql as $$
begin
    raise exception 'reservations are kept (% refused)', tg_op using errcode = 'integrity_constraint_violation';
end $$;

create trigger reservation_no_truncate
    before truncate on reservation
    for each statement execute function forbid_reservation_truncate();

-- At commit: a level's reserved is what its open reservations hold ---------------------------------

create function check_stock_level_reserved(p_product_id bigint, p_location_id bigint)
    returns void
    language plpgsql as $$
declare
    level_reserved numeric;
    held           numeric;
begin
    select reserved into level_reserved
      from stock_level where product_id = p_product_id and location_id = p_location_id;
    select coalesce(sum(remaining), 0) into held
      from reservation where product_id = p_product_id and location_id = p_location_id and status = 'OPEN';
    if coalesce(level_reserved, 0) <> held then
        raise exception 'stock level of product % at location % reserves % but its open reservations hold %',
            p_product_id, p_location_id, coalesce(level_reserved, 0), held
            using errcode = 'integrity_constraint_violation';
    end if;
end $$;

create function check_reserved_of_row() returns trigger
    language plpgsql as $$
begin
    perform check_stock_level_reserved(new.product_id, new.location_id);
    if tg_op = 'UPDATE' and (new.product_id <> old.product_id or new.location_id <> old.location_id) then
        perform check_stock_level_reserved(old.product_id, old.location_id);
    end if;
    return null;
end $$;

-- Only when reserved or the key changes: a movement's update of on_hand alone (the application server
-- writes every column, reserved included, unchanged) adds nothing to its commit.
create constraint trigger stock_level_reserved_matches_reservations
    after update on stock_level
    deferrable initially deferred
    for each row
    when (new.reserved is distinct from old.reserved or new.product_id is distinct from old.product_id
          or new.location_id is distinct from old.location_id)
    execute function check_reserved_of_row();

create constraint trigger stock_level_starts_reserving_nothing_unheld
    after insert on stock_level
    deferrable initially deferred
    for each row
    when (new.reserved <> 0)
    execute function check_reserved_of_row();

create constraint trigger reservation_matches_stock_level
    after insert or update on reservation
    deferrable initially deferred
    for each row execute function check_reserved_of_row();

-- The ISSUEs that draw on a reservation ------------------------------------------------------------

alter table stock_movement
    add column reservation_id bigint,
    add constraint stock_movement_reservation_of_issue check (reservation_id is null or movement_type = 'ISSUE'),
    -- MATCH SIMPLE: a movement without a reservation is not checked.
    add constraint stock_movement_reservation_fk foreign key (reservation_id, product_id, from_location_id)
        references reservation (id, product_id, location_id);

create index stock_movement_reservation_idx on stock_movement (reservation_id) where reservation_id is not null;

comment on column stock_movement.reservation_id is
    'The reservation an ISSUE drew on (of its product, out of its location); null for any other movement';

-- Live updates ----------------------------------------------------------------------------------------

create function announce_reserved_change() returns trigger
    language plpgsql as $$
begin
    perform pg_notify('stockroom_reservation', new.product_id || ':' || new.location_id);
    return null;
end $$;

create trigger stock_level_announces_reserved
    after update of reserved on stock_level
    for each row when (new.reserved is distinct from old.reserved)
    execute function announce_reserved_change();
