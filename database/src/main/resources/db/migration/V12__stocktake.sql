-- Stocktakes (cycle counts), issue 14 item 1.
--
-- A stocktake counts the stock of one location: all of it, or only a given set of SKUs. Clerks
-- enter counted quantities; each entry records, in its own transaction, the on-hand level at
-- that moment (expected) and the last ledger movement that level includes. Posting writes one
-- ADJUST of counted - expected for each line that differs, so movements recorded after a line
-- was counted are kept, never overwritten.
--
-- Rules kept here, whatever the client:
--   * a stocktake goes from OPEN to POSTED or to CANCELLED, once; a closed one never changes
--     again, and no stocktake is ever deleted;
--   * at most one stocktake is open per location;
--   * its location, its SKU set and who opened it when never change; the SKUs exist;
--   * a line's counted and expected quantities are not negative; expected is the ledger's
--     balance of the product at the location when the line was entered, and the movement it
--     was read after is the last one there;
--   * lines are written only while their stocktake is open, never deleted, and, for a stocktake
--     limited to SKUs, only for those SKUs; an archived product is counted down, never up;
--   * a line's movement, set once when the stocktake is posted, is the ADJUST of its difference
--     at the stocktake's location, with the reason 'stocktake <id>'; a posted stocktake has one
--     for every line that differs, a cancelled one none.

create table stocktake (
    id          bigint       generated always as identity primary key,
    location_id bigint       not null references location (id),
    -- Null: the whole location is counted. Else only these SKUs may be.
    skus        text[],
    status      varchar(16)  not null default 'OPEN',
    opened_by   text         not null,
    opened_at   timestamptz  not null default now(),
    closed_by   text,
    closed_at   timestamptz,
    version     bigint       not null default 0,
    constraint stocktake_status_known check (status in ('OPEN', 'POSTED', 'CANCELLED')),
    constraint stocktake_opened_by_not_blank check (btrim(opened_by) <> ''),
    constraint stocktake_closed_by_whom_and_when check (
        case when status = 'OPEN' then closed_by is null and closed_at is null
             else closed_by is not null and btrim(closed_by) <> '' and closed_at is not null end),
    constraint stocktake_skus_not_empty check (skus is null or cardinality(skus) > 0),
    constraint stocktake_skus_one_dimension check (skus is null or array_ndims(skus) = 1),
    constraint stocktake_skus_no_null check (skus is null or array_position(skus, null) is null)
);

-- Two open counts of one location would each correct the same difference.
create unique index stocktake_one_open_per_location on stocktake (location_id) where status = 'OPEN';
-- GET /stocktakes lists newest first, optionally by location or status.
create index stocktake_location_idx on stocktake (location_id, id);
create index stocktake_status_idx on stocktake (status, id);

create table stocktake_line (
    id                      bigint         generated always as identity primary key,
    stocktake_id            bigint         not null references stocktake (id),
    product_id              bigint         not null references product (id),
    counted                 numeric(20, 6) not null,
    expected                numeric(20, 6) not null,
    -- The last movement of the product at the location when the line was entered: expected is
    -- the balance after it. Null when the location had never held the product.
    expected_after_movement bigint         references stock_movement (id),
    counted_by              text           not null,
    counted_at              timestamptz    not null default now(),
    -- The ADJUST that posted the difference; null until posted, and for a line without difference.
    movement_id             bigint         references stock_movement (id),
    constraint stocktake_line_one_per_product unique (stocktake_id, product_id),
    constraint stocktake_line_counted_not_negative check (counted >= 0),
    constraint stocktake_line_expected_not_negative check (expected >= 0),
    constraint stocktake_line_counted_by_not_blank check (btrim(counted_by) <> ''),
    constraint stocktake_line_movement_once check (movement_id is null or counted <> expected)
);

create index stocktake_line_product_idx on stocktake_line (product_id);

comment on table stocktake is
    'A count of one location''s stock (or of some SKUs there): OPEN while counted, then POSTED (its differences written as ADJUST movements) or CANCELLED';
comment on table stocktake_line is
    'One counted product of a stocktake: counted, and expected = the ledger balance when it was counted';

-- The stocktake's own rules ------------------------------------------------------------------

create function check_stocktake_change() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'stocktakes are kept: stocktake % cannot be deleted', old.id
            using errcode = 'integrity_constraint_violation';
    end if;
    if tg_op = 'INSERT' then
        if new.status <> 'OPEN' then
            raise exception 'a stocktake starts open' using errcode = 'integrity_constraint_violation';
        end if;
        -- (A null among them is left to the check stocktake_skus_no_null.)
        if (select count(distinct sku) <> count(sku) from unnest(new.skus) sku) then
            raise exception 'a stocktake names each SKU once' using errcode = 'integrity_constraint_violation';
        end if;
        if exists (select 1 from unnest(new.skus) sku
                    where sku is not null and not exists (select 1 from product p where p.sku = sku.sku)) then
            raise exception 'a stocktake counts only SKUs that exist' using errcode = 'integrity_constraint_violation';
        end if;
        return new;
    end if;
    if old.status <> 'OPEN' then
        raise exception 'stocktake % is % and can no longer change', old.id, lower(old.status)
            using errcode = 'integrity_constraint_violation';
    end if;
    if new.id <> old.id or new.location_id <> old.location_id or new.skus is distinct from old.skus
       or new.opened_by <> old.opened_by or new.opened_at <> old.opened_at then
        raise exception 'the location, SKUs and opening of stocktake % never change', old.id
            using errcode = 'integrity_constraint_violation';
    end if;
    if new.status = 'POSTED' and exists (select 1 from stocktake_line l
                                          where l.stocktake_id = new.id and l.counted <> l.expected
                                            and l.movement_id is null) then
        raise exception 'stocktake % cannot be posted with a difference that has no movement', old.id
            using errcode = 'integrity_constraint_violation';
    end if;
    if new.status = 'CANCELLED' and exists (select 1 from stocktake_line l
                                             where l.stocktake_id = new.id and l.movement_id is not null) then
        raise exception 'stocktake % has posted movements and cannot be cancelled', old.id
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end $$;

create trigger stocktake_rules
    before insert or update or delete on stocktake
    for each row execute function check_stocktake_change();

create function forbid_stocktake_truncate() returns trigger
    language plpgsql as $$
begin
    raise exception 'stocktakes are kept (% refused)', tg_op using errcode = 'integrity_constraint_violation';
end $$;

create trigger stocktake_no_truncate
    before truncate on stocktake
    for each statement execute function forbid_stocktake_truncate();

create trigger stocktake_line_no_truncate
    before truncate on stocktake_line
    for each statement execute function forbid_stocktake_truncate();

-- The lines' rules ---------------------------------------------------------------------------

create function check_stocktake_line_change() returns trigger
    language plpgsql as $$
declare
    counted_in stocktake%rowtype;
    item       product%rowtype;
    head       stock_ledger_balance%rowtype;
begin
    if tg_op = 'DELETE' then
        raise exception 'the lines of stocktake % are kept and cannot be deleted', old.stocktake_id
            using errcode = 'integrity_constraint_violation';
    end if;
    -- FOR SHARE: a posting or cancelling in flight finishes first, and is then seen.
    select * into counted_in from stocktake where id = new.stocktake_id for share;
    if counted_in.status <> 'OPEN' then
        raise exception 'stocktake % is % and its lines are read-only', counted_in.id, lower(counted_in.status)
            using errcode = 'integrity_constraint_violation';
    end if;
    if tg_op = 'UPDATE' and (new.stocktake_id <> old.stocktake_id or new.product_id <> old.product_id) then
        raise exception 'a stocktake line stays the line of its stocktake and product'
            using errcode = 'integrity_constraint_violation';
    end if;
    if tg_op = 'UPDATE' and old.movement_id is not null then
        raise exception 'a posted stocktake line never changes' using errcode = 'integrity_constraint_violation';
    end if;
    select * into item from product where id = new.product_id;
    if counted_in.skus is not null and not (item.sku = any (counted_in.skus)) then
        raise exception 'stocktake % counts only its own SKUs, not %', counted_in.id, item.sku
            using errcode = 'integrity_constraint_violation';
    end if;

    if tg_op = 'INSERT' or new.counted <> old.counted or new.expected <> old.expected
       or new.expected_after_movement is distinct from old.expected_after_movement then
        if tg_op = 'INSERT' and new.movement_id is not null then
            raise exception 'a stocktake line is counted before it is posted'
                using errcode = 'integrity_constraint_violation';
        end if;
        -- Expected is the ledger's balance there as the count is entered, not a figure of the client's.
        select * into head from stock_ledger_balance where product_id = new.product_id and location_id = counted_in.location_id;
        if new.expected <> coalesce(head.balance, 0)
           or new.expected_after_movement is distinct from head.last_movement_id then
            raise exception 'expected % of product % at location % is not the ledger''s balance % after movement %',
                new.expected, new.product_id, counted_in.location_id, coalesce(head.balance, 0), head.last_movement_id
                using errcode = 'integrity_constraint_violation';
        end if;
        if item.archived and new.counted > new.expected then
            raise exception 'product % is archived: it can be counted down, not up', item.sku
                using errcode = 'integrity_constraint_violation';
        end if;
    end if;

    if tg_op = 'UPDATE' and new.movement_id is distinct from old.movement_id then
        if not exists (select 1 from stock_movement m
                        where m.id = new.movement_id and m.movement_type = 'ADJUST'
                          and m.product_id = new.product_id
                          and coalesce(m.to_location_id, m.from_location_id) = counted_in.location_id
                          and m.quantity = new.counted - new.expected
                          and m.reason = 'stocktake ' || counted_in.id) then
            raise exception 'movement % is not the ADJUST of this line''s difference at the stocktake''s location',
                new.movement_id using errcode = 'integrity_constraint_violation';
        end if;
    end if;
    return new;
end $$;

create trigger stocktake_line_rules
    before insert or update or delete on stocktake_line
    for each row execute function check_stocktake_line_change();
