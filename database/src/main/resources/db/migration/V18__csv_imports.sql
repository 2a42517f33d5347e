-- CSV imports (issue 14, item 5): products, locations and opening stock from a file.
--
-- Every import that wrote something (or found nothing to change) is recorded once in
-- import_batch, by its kind and the SHA-256 of the file: the same file imported again is
-- recognised and changes nothing, and two servers importing the same file at once cannot both
-- record it (the unique key). Opening stock arrives as RECEIVE movements that name their batch,
-- so the ledger stays the one source of truth and the ledger checks keep holding.
--
-- Rules kept here against a buggy client:
--   * a batch is written once and never changed or deleted (its counts add up to its rows);
--   * the same file is recorded at most once per kind;
--   * a movement that names a batch is a RECEIVE of an opening-stock batch;
--   * opening stock is a product's first stock at a location: a batch's movement is refused when
--     the product already has ledger history there from anything but this same batch, so an
--     opening balance can never be added on top of stock (or of another opening balance).

create table import_batch (
    id          bigint generated always as identity primary key,
    kind        varchar(20)  not null,
    file_sha256 char(64)     not null,
    file_bytes  bigint       not null,
    rows_read   integer      not null,
    created     integer      not null,
    updated     integer      not null,
    unchanged   integer      not null,
    imported_by varchar(100) not null,
    imported_at timestamptz  not null default now(),
    constraint import_batch_kind_known check (kind in ('products', 'locations', 'opening-stock')),
    constraint import_batch_sha256_format check (file_sha256 ~ '^[0-9a-f]{64}$'),
    constraint import_batch_counts_not_negative
        check (file_bytes >= 0 and rows_read >= 0 and created >= 0 and updated >= 0 and unchanged >= 0),
    constraint import_batch_counts_add_up check (created + updated + unchanged = rows_read),
    constraint import_batch_opening_stock_creates_only check (kind <> 'opening-stock' or (updated = 0 and unchanged = 0)),
    constraint import_batch_imported_by_not_blank check (btrim(imported_by) <> ''),
    constraint import_batch_file_once unique (kind, file_sha256),
    -- The target of the movements' reference to (batch, kind).
    constraint import_batch_of_kind unique (id, kind)
);

comment on table import_batch is
    'One row per CSV file imported: its kind, SHA-256, size and what it did; written once, never changed';

create function forbid_import_batch_change() returns trigger
    language plpgsql as $$
begin
    raise exception 'import batches are a record of what was imported; they never change (% refused)', tg_op
        using errcode = 'integrity_constraint_violation';
end $$;

create trigger import_batch_append_only
    before update or delete on import_batch
    for each row execute function forbid_import_batch_change();

create trigger import_batch_no_truncate
    before truncate on import_batch
    for each statement execute function forbid_import_batch_change();

-- Opening stock in the ledger ---------------------------------------------------------------------

-- A nullable column without a default: no rewrite of the ledger, the old rows read null.
alter table stock_movement
    add column import_batch_id bigint,
    add column import_kind varchar(20),
    add constraint stock_movement_import_batch foreign key (import_batch_id, import_kind)
        references import_batch (id, kind),
    add constraint stock_movement_import_is_opening_receipt check (
        (import_batch_id is null and import_kind is null)
        or (import_kind = 'opening-stock' and movement_type = 'RECEIVE'));

comment on column stock_movement.import_batch_id is
    'The opening-stock import that recorded this RECEIVE, if one did';

create index stock_movement_import_batch_idx on stock_movement (import_batch_id) where import_batch_id is not null;

-- Runs before stock_movement_records_running_balance (before-insert triggers fire in name order),
-- so the head it reads is the one before this movement. Two primary-key lookups per movement.
create function require_opening_stock_first() returns trigger
    language plpgsql as $$
declare
    earlier_batch bigint;
    has_history   boolean;
begin
    select true, m.import_batch_id into has_history, earlier_batch
      from stock_ledger_balance b
      join stock_movement m on m.id = b.last_movement_id
     where b.product_id = new.product_id and b.location_id = new.to_location_id;
    if has_history and earlier_batch is distinct from new.import_batch_id then
        raise exception 'product % already has stock history at location %; opening stock is only its first stock there',
            new.product_id, new.to_location_id
            using errcode = 'check_violation',
                  hint = 'Record a RECEIVE or an ADJUST instead.';
    end if;
    return new;
end $$;

create trigger stock_movement_opening_stock_first
    before insert on stock_movement
    for each row when (new.import_batch_id is not null)
    execute function require_opening_stock_first();
