-- Fractional quantities (issue 14, item 8): metres of cable, kilograms of nails.
--
-- Why: every quantity was a whole number (integer movements, bigint levels), so a stockroom
-- could not keep anything sold by length or weight. Now:
--   * unit_of_measure lists the units the stockroom knows and how many decimal places each
--     counts in (EA 0, M 3, KG 3, ...); a product whose unit is not listed counts in whole units;
--   * product.decimal_places is its unit's, checked on every insert and update of the product,
--     so the application server cannot store a product that counts finer than its unit;
--   * every quantity (movement, level, product total, ledger balances, reorder point) is an
--     exact numeric(20,6) -- never floating point -- and a movement or reorder point with more
--     decimal places than its product's unit allows is refused;
--   * a product's unit cannot change to one with fewer decimal places while its ledger holds a
--     quantity finer than the new unit (the history must still read in the product's unit).
--
-- Upgrading: changing the column types rewrites stock_movement, stock_level, product and
-- stock_ledger_balance once (docs/operations.md, "Upgrades").

create table unit_of_measure (
    code           text     primary key,
    name           text     not null,
    decimal_places smallint not null,
    constraint unit_of_measure_code_format check (code ~ '^[A-Z0-9][A-Z0-9._-]*$' and char_length(code) <= 16),
    constraint unit_of_measure_name_not_blank check (btrim(name) <> ''),
    constraint unit_of_measure_decimal_places_range check (decimal_places between 0 and 6)
);

comment on table unit_of_measure is
    'The units the stockroom counts in; a product whose unit_of_measure is not listed here counts in whole units';

insert into unit_of_measure (code, name, decimal_places) values
    ('EA',   'each',            0),
    ('PCS',  'pieces',          0),
    ('PAIR', 'pair',            0),
    ('SET',  'set',             0),
    ('BOX',  'box',             0),
    ('PACK', 'pack',            0),
    ('ROLL', 'roll',            0),
    ('DRUM', 'drum',            0),
    ('MM',   'millimetre',      0),
    ('CM',   'centimetre',      1),
    ('M',    'metre',           3),
    ('M2',   'square metre',    3),
    ('M3',   'cubic metre',     3),
    ('G',    'gram',            1),
    ('KG',   'kilogram',        3),
    ('T',    'tonne',           3),
    ('ML',   'millilitre',      0),
    ('L',    'litre',           3),
    ('H',    'hour',            2);

-- The decimal places a product with unit p_unit counts in: its unit's, 0 for an unknown unit.
-- Units are matched ignoring case, as people write 'kg' and 'KG' for the same thing.
create function unit_decimal_places(p_unit text) returns smallint
    language sql stable as $$
    select coalesce((select decimal_places from unit_of_measure where code = upper(btrim(p_unit))), 0::smallint)
$$;

-- Whether q has no more than p_places decimal places (trailing zeros do not count).
create function fits_decimal_places(q numeric, p_places smallint) returns boolean
    language sql immutable as $$
    select q = round(q, p_places)
$$;

-- The ledger as deltas (V1) names quantity: it is dropped for the type change and put back as it was.
drop view stock_ledger_entry;

-- V7's guards of product.on_hand name the column in their WHEN clauses, so they go too, and come back below.
drop trigger product_on_hand_starts_at_zero on product;
drop trigger product_on_hand_only_from_levels on product;

alter table stock_movement
    alter column quantity type numeric(20, 6),
    alter column from_balance_after type numeric(20, 6),
    alter column to_balance_after type numeric(20, 6);
alter table stock_level alter column on_hand type numeric(20, 6);
alter table stock_ledger_balance alter column balance type numeric(20, 6);
alter table product
    alter column on_hand type numeric(20, 6),
    alter column reorder_point type numeric(20, 6),
    add column decimal_places smallint;

create view stock_ledger_entry as
    select id as movement_id, product_id, to_location_id as location_id, quantity as delta
      from stock_movement
     where to_location_id is not null
    union all
    select id, product_id, from_location_id,
           case when movement_type = 'ADJUST' then quantity else -quantity end
      from stock_movement
     where from_location_id is not null;

create trigger product_on_hand_starts_at_zero
    before insert on product
    for each row when (new.on_hand <> 0) execute function forbid_direct_on_hand_change();

create trigger product_on_hand_only_from_levels
    before update on product
    for each row when (new.on_hand is distinct from old.on_hand) execute function forbid_direct_on_hand_change();

-- Products so far counted in whole units whatever their unit said; they keep their history,
-- which is whole, so any unit's places fit it.
update product set decimal_places = unit_decimal_places(unit_of_measure);
alter table product
    alter column decimal_places set not null,
    add constraint product_decimal_places_range check (decimal_places between 0 and 6),
    add constraint product_reorder_point_fits_unit check (fits_decimal_places(reorder_point, decimal_places));

comment on column product.decimal_places is
    'Decimal places the product counts in: its unit''s in unit_of_measure (0 when unlisted); checked by trigger product_counts_in_its_unit';

-- Products -----------------------------------------------------------------------------------

-- A product's decimal places are its unit's. As with the ledger's balances (V8), a value left
-- out is filled in (a new product without it, a change of unit that does not touch it) and a
-- value supplied is checked. When a change of unit lowers them, the history must still read in
-- the new unit: no movement of the product may be finer.
create function require_product_counts_in_its_unit() returns trigger
    language plpgsql as $$
declare
    unit_places smallint := unit_decimal_places(new.unit_of_measure);
begin
    if new.decimal_places is null
       or (tg_op = 'UPDATE' and new.decimal_places = old.decimal_places
           and new.unit_of_measure is distinct from old.unit_of_measure) then
        new.decimal_places := unit_places;
    end if;
    if new.decimal_places <> unit_places then
        raise exception 'product % counts in % decimal places, but its unit % has %',
            new.sku, new.decimal_places, new.unit_of_measure, unit_places
            using errcode = 'check_violation',
                  hint = 'Set decimal_places to the unit''s (see unit_of_measure).';
    end if;
    if tg_op = 'UPDATE' and new.decimal_places < old.decimal_places
       and exists (select 1 from stock_movement
                    where product_id = new.id and not fits_decimal_places(quantity, new.decimal_places)) then
        raise exception 'product % has movements finer than % decimal places; its unit cannot become %',
            new.sku, new.decimal_places, new.unit_of_measure
            using errcode = 'check_violation';
    end if;
    return new;
end $$;

create trigger product_counts_in_its_unit
    before insert or update of unit_of_measure, decimal_places on product
    for each row execute function require_product_counts_in_its_unit();

-- A unit's places can be raised (finer counting); lowering them would leave its products counting
-- finer than their unit.
create function forbid_coarsening_a_unit_in_use() returns trigger
    language plpgsql as $$
begin
    if (tg_op = 'DELETE' or new.decimal_places < old.decimal_places or new.code <> old.code)
       and exists (select 1 from product where upper(btrim(unit_of_measure)) = old.code) then
        raise exception 'unit % is used by products; it can gain decimal places but not lose them, or be renamed or removed', old.code
            using errcode = 'integrity_constraint_violation';
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end $$;

create trigger unit_of_measure_in_use_keeps_its_places
    before update or delete on unit_of_measure
    for each row execute function forbid_coarsening_a_unit_in_use();

-- A unit that gains places gives them to its products (their history stays valid: it is coarser).
create function give_products_their_units_places() returns trigger
    language plpgsql as $$
begin
    update product set decimal_places = new.decimal_places
     where upper(btrim(unit_of_measure)) = new.code and decimal_places <> new.decimal_places;
    return null;
end $$;

create trigger unit_of_measure_places_reach_products
    after insert or update of decimal_places on unit_of_measure
    for each row execute function give_products_their_units_places();

-- Movements ----------------------------------------------------------------------------------

create function require_quantity_fits_unit() returns trigger
    language plpgsql as $$
declare
    places smallint;
begin
    select decimal_places into places from product where id = new.product_id;
    if not fits_decimal_places(new.quantity, places) then
        raise exception 'quantity % of product % has more than % decimal places', new.quantity, new.product_id, places
            using errcode = 'check_violation';
    end if;
    return new;
end $$;

-- Fires before stock_movement_records_running_balance (name order): a refused quantity moves no head.
create trigger stock_movement_quantity_fits_unit
    before insert on stock_movement
    for each row execute function require_quantity_fits_unit();

-- The running balance (V8) in numeric: its two helpers change signature, so the bigint ones are
-- dropped here, and R__record_running_balance.sql (run after the versioned migrations) holds the
-- current body of all three. No movement is recorded in between.
drop function require_supplied_balance(bigint, text, bigint, bigint);
drop function move_ledger_balance(bigint, bigint, bigint, bigint);
