-- Stockroom inventory schema.
--
-- The application server owns the business rules; this schema enforces them a second
-- time so that a buggy client, a bad script or a race can never make the data untrue:
--   * SKUs and location codes are unique and can never change;
--   * on hand can never go below zero;
--   * the movement ledger is append-only: no UPDATE, DELETE or TRUNCATE;
--   * every stock level equals the sum of the ledger for its product and location,
--     checked at commit by a deferred constraint trigger;
--   * archived products take no receipts, and a product with stock cannot be archived.

create table product (
    id              bigint generated always as identity primary key,
    sku             varchar(64)   not null,
    name            varchar(200)  not null,
    description     varchar(2000),
    unit_of_measure varchar(20)   not null default 'EA',
    category        varchar(100),
    reorder_point   integer       not null default 0,
    archived        boolean       not null default false,
    version         bigint        not null default 0,
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now(),
    constraint product_sku_unique unique (sku),
    constraint product_sku_format check (sku ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
    constraint product_name_not_blank check (btrim(name) <> ''),
    constraint product_unit_not_blank check (btrim(unit_of_measure) <> ''),
    constraint product_reorder_point_not_negative check (reorder_point >= 0)
);

-- Listing and searching products: by category, and case-insensitively by SKU or name.
create index product_category_sku_idx on product (category, sku);
create index product_lower_name_idx on product (lower(name) text_pattern_ops);

create table location (
    id         bigint generated always as identity primary key,
    code       varchar(32)  not null,
    name       varchar(200) not null,
    created_at timestamptz  not null default now(),
    constraint location_code_unique unique (code),
    constraint location_code_format check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
    constraint location_name_not_blank check (btrim(name) <> '')
);

create table stock_level (
    product_id bigint      not null references product (id),
    location_id bigint     not null references location (id),
    on_hand    bigint      not null,
    updated_at timestamptz not null default now(),
    primary key (product_id, location_id),
    constraint stock_level_on_hand_not_negative check (on_hand >= 0)
);

create index stock_level_location_idx on stock_level (location_id);

-- The ledger. Quantities are positive except for ADJUST, which is a signed
-- correction at the one location it names (in to_location_id or from_location_id).
create table stock_movement (
    id               bigint generated always as identity primary key,
    movement_type    varchar(16)  not null,
    product_id       bigint       not null references product (id),
    from_location_id bigint       references location (id),
    to_location_id   bigint       references location (id),
    quantity         integer      not null,
    reason           varchar(500),
    reference        varchar(100),
    occurred_at      timestamptz  not null default now(),
    recorded_by      varchar(100),
    constraint stock_movement_type_known
        check (movement_type in ('RECEIVE', 'ISSUE', 'ADJUST', 'TRANSFER')),
    constraint stock_movement_shape check (
        case movement_type
            when 'RECEIVE'  then quantity > 0 and to_location_id is not null and from_location_id is null
            when 'ISSUE'    then quantity > 0 and from_location_id is not null and to_location_id is null
            when 'TRANSFER' then quantity > 0 and from_location_id is not null and to_location_id is not null
                                 and from_location_id <> to_location_id
            when 'ADJUST'   then quantity <> 0 and num_nonnulls(from_location_id, to_location_id) = 1
                                 and reason is not null and btrim(reason) <> ''
        end
    )
);

create index stock_movement_product_idx on stock_movement (product_id, id);
create index stock_movement_from_idx on stock_movement (from_location_id, product_id) where from_location_id is not null;
create index stock_movement_to_idx on stock_movement (to_location_id, product_id) where to_location_id is not null;
create index stock_movement_occurred_at_idx on stock_movement (occurred_at);

-- One row per change a movement makes to one stock level: the ledger seen as deltas.
create view stock_ledger_entry as
    select id as movement_id, product_id, to_location_id as location_id, quantity as delta
      from stock_movement
     where to_location_id is not null
    union all
    select id, product_id, from_location_id,
           case when movement_type = 'ADJUST' then quantity else -quantity end
      from stock_movement
     where from_location_id is not null;

-- ---------------------------------------------------------------------------
-- Immutable identifiers
-- ---------------------------------------------------------------------------

create function forbid_identifier_change() returns trigger
    language plpgsql as $$
begin
    if new.id is distinct from old.id
       or (tg_table_name = 'product' and new.sku is distinct from old.sku)
       or (tg_table_name = 'location' and new.code is distinct from old.code) then
        raise exception '% identifiers are immutable', tg_table_name
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end $$;

create trigger product_identifier_immutable
    before update on product
    for each row execute function forbid_identifier_change();

create trigger location_identifier_immutable
    before update on location
    for each row execute function forbid_identifier_change();

-- ---------------------------------------------------------------------------
-- Append-only ledger
-- ---------------------------------------------------------------------------

create function forbid_ledger_rewrite() returns trigger
    language plpgsql as $$
begin
    raise exception 'the stock movement ledger is append-only (% refused)', tg_op
        using errcode = 'integrity_constraint_violation',
              hint = 'Correct a mistake with a new ADJUST movement.';
end $$;

create trigger stock_movement_append_only
    before update or delete on stock_movement
    for each row execute function forbid_ledger_rewrite();

create trigger stock_movement_no_truncate
    before truncate on stock_movement
    for each statement execute function forbid_ledger_rewrite();

-- ---------------------------------------------------------------------------
-- Archived products
-- ---------------------------------------------------------------------------

create function forbid_receipt_of_archived_product() returns trigger
    language plpgsql as $$
begin
    if new.movement_type = 'RECEIVE'
       and (select archived from product where id = new.product_id) then
        raise exception 'product % is archived and takes no receipts', new.product_id
            using errcode = 'check_violation';
    end if;
    return new;
end $$;

create trigger stock_movement_no_receipt_when_archived
    before insert on stock_movement
    for each row execute function forbid_receipt_of_archived_product();

create function forbid_archiving_product_with_stock() returns trigger
    language plpgsql as $$
begin
    if new.archived and not old.archived
       and exists (select 1 from stock_level where product_id = new.id and on_hand > 0) then
        raise exception 'product % still has stock on hand and cannot be archived', new.sku
            using errcode = 'check_violation';
    end if;
    return new;
end $$;

create trigger product_archive_only_without_stock
    before update of archived on product
    for each row execute function forbid_archiving_product_with_stock();

-- ---------------------------------------------------------------------------
-- On hand == sum of the ledger, checked when the transaction commits
-- ---------------------------------------------------------------------------

create function check_stock_level_matches_ledger(p_product_id bigint, p_location_id bigint)
    returns void
    language plpgsql as $$
declare
    level_on_hand bigint;
    ledger_sum    bigint;
begin
    select on_hand into level_on_hand
      from stock_level where product_id = p_product_id and location_id = p_location_id;
    select coalesce(sum(delta), 0) into ledger_sum
      from stock_ledger_entry where product_id = p_product_id and location_id = p_location_id;
    if coalesce(level_on_hand, 0) <> ledger_sum then
        raise exception 'stock level of product % at location % is % but the ledger sums to %',
            p_product_id, p_location_id, coalesce(level_on_hand, 0), ledger_sum
            using errcode = 'integrity_constraint_violation';
    end if;
end $$;

create function check_stock_level_row() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform check_stock_level_matches_ledger(old.product_id, old.location_id);
    else
        perform check_stock_level_matches_ledger(new.product_id, new.location_id);
    end if;
    return null;
end $$;

create function check_movement_levels() returns trigger
    language plpgsql as $$
begin
    if new.from_location_id is not null then
        perform check_stock_level_matches_ledger(new.product_id, new.from_location_id);
    end if;
    if new.to_location_id is not null then
        perform check_stock_level_matches_ledger(new.product_id, new.to_location_id);
    end if;
    return null;
end $$;

create constraint trigger stock_level_matches_ledger
    after insert or update or delete on stock_level
    deferrable initially deferred
    for each row execute function check_stock_level_row();

create constraint trigger stock_movement_matches_levels
    after insert on stock_movement
    deferrable initially deferred
    for each row execute function check_movement_levels();
