-- Purchase orders and their receipts (issue 14, item 3).
--
-- A purchase order asks a supplier for quantities of products (one line per product); it is
-- received in one or several deliveries. Each delivery is a purchase_receipt at one location,
-- and each of its lines is the RECEIVE movement it wrote into the ledger. The rules kept here,
-- whatever the application server does:
--   * an order's number is an identifier (the SKU rule, at most 32 characters), unique, and never
--     changes; an order is never deleted; its status goes OPEN -> RECEIVED or OPEN -> CANCELLED
--     and then never changes again;
--   * one line per product per order; the ordered quantity is positive, fits the product's unit
--     and never changes; a line is never deleted;
--   * quantity_received is never negative, equals the sum of the line's receipt lines (checked
--     at commit), and does not exceed quantity_ordered unless the order allows over-receipt
--     (allow_over_receipt, copied onto each line through a foreign key so that a plain CHECK can
--     see it);
--   * an order is RECEIVED exactly when every line is fully received, CANCELLED only by choice,
--     and has at least one line (checked at commit);
--   * receipts and their lines are append-only; a receipt is only taken into an OPEN order; each
--     receipt line is exactly the RECEIVE movement it names (same product, the receipt's location,
--     the same quantity, the order number as reference), and a movement serves one receipt line.

create table purchase_order (
    id                 bigint      generated always as identity primary key,
    number             text        not null,
    supplier           text        not null,
    status             text        not null default 'OPEN',
    allow_over_receipt boolean     not null default false,
    expected_on        date,
    note               text,
    created_by         text        not null,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    version            bigint      not null default 0,
    constraint purchase_order_number_unique unique (number),
    constraint purchase_order_number_format
        check (number ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$' and char_length(number) <= 32),
    constraint purchase_order_supplier_not_blank check (btrim(supplier) <> '' and char_length(supplier) <= 200),
    constraint purchase_order_status_known check (status in ('OPEN', 'RECEIVED', 'CANCELLED')),
    constraint purchase_order_created_by_not_blank check (btrim(created_by) <> ''),
    constraint purchase_order_note_length check (char_length(note) <= 2000),
    -- The target of purchase_order_line's foreign key that carries allow_over_receipt.
    constraint purchase_order_over_receipt_key unique (id, allow_over_receipt)
);

create index purchase_order_status_idx on purchase_order (status, id);

comment on table purchase_order is
    'What was ordered from a supplier; OPEN until every line is received (RECEIVED) or it is CANCELLED';
comment on column purchase_order.allow_over_receipt is
    'Whether deliveries may bring more than was ordered; chosen by the manager who creates the order';

create table purchase_order_line (
    id                 bigint        generated always as identity primary key,
    purchase_order_id  bigint        not null,
    product_id         bigint        not null references product (id),
    quantity_ordered   numeric(20,6) not null,
    quantity_received  numeric(20,6) not null default 0,
    allow_over_receipt boolean       not null,
    constraint purchase_order_line_order_fk foreign key (purchase_order_id, allow_over_receipt)
        references purchase_order (id, allow_over_receipt) on update cascade,
    constraint purchase_order_line_one_per_product unique (purchase_order_id, product_id),
    constraint purchase_order_line_ordered_positive check (quantity_ordered > 0),
    constraint purchase_order_line_received_not_negative check (quantity_received >= 0),
    constraint purchase_order_line_no_over_receipt
        check (allow_over_receipt or quantity_received <= quantity_ordered)
);

create index purchase_order_line_product_idx on purchase_order_line (product_id);

comment on column purchase_order_line.quantity_received is
    'The sum of the line''s purchase_receipt_line quantities (checked at commit)';

create table purchase_receipt (
    id                bigint      generated always as identity primary key,
    purchase_order_id bigint      not null references purchase_order (id),
    location_id       bigint      not null references location (id),
    received_at       timestamptz not null default now(),
    received_by       text        not null,
    reference         text,
    constraint purchase_receipt_received_by_not_blank check (btrim(received_by) <> ''),
    constraint purchase_receipt_reference_length check (char_length(reference) <= 100)
);

create index purchase_receipt_order_idx on purchase_receipt (purchase_order_id, id);

comment on table purchase_receipt is 'One delivery against a purchase order, into one location; append-only';

create table purchase_receipt_line (
    id                     bigint        generated always as identity primary key,
    purchase_receipt_id    bigint        not null references purchase_receipt (id),
    purchase_order_line_id bigint        not null references purchase_order_line (id),
    movement_id            bigint        not null references stock_movement (id),
    quantity               numeric(20,6) not null,
    constraint purchase_receipt_line_quantity_positive check (quantity > 0),
    constraint purchase_receipt_line_one_per_order_line unique (purchase_receipt_id, purchase_order_line_id),
    constraint purchase_receipt_line_one_per_movement unique (movement_id)
);

create index purchase_receipt_line_order_line_idx on purchase_receipt_line (purchase_order_line_id);

comment on table purchase_receipt_line is 'What one delivery brought of one order line: the RECEIVE movement it wrote; append-only';

-- Orders -------------------------------------------------------------------------------------

create function guard_purchase_order_change() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'purchase order % cannot be deleted; cancel it', old.number
            using errcode = 'integrity_constraint_violation';
    end if;
    if new.number <> old.number or new.created_by <> old.created_by or new.created_at <> old.created_at then
        raise exception 'purchase order %: number, created_by and created_at never change', old.number
            using errcode = 'integrity_constraint_violation';
    end if;
    if old.status <> 'OPEN' then
        raise exception 'purchase order % is %: it does not change any more', old.number, old.status
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end $$;

create trigger purchase_order_guarded
    before update or delete on purchase_order
    for each row execute function guard_purchase_order_change();

create function forbid_purchasing_truncate() returns trigger
    language plpgsql as $$
begin
    raise exception 'purchase orders and receipts are records: % refused', tg_op
        using errcode = 'integrity_constraint_violation';
end $$;

create trigger purchase_order_no_truncate
    before truncate on purchase_order
    for each statement execute function forbid_purchasing_truncate();

-- At commit: an order has lines, and it is RECEIVED exactly when every line is fully received
-- (a CANCELLED order keeps whatever arrived before it was cancelled).
create function check_purchase_order_completion(p_order_id bigint) returns void
    language plpgsql as $$
declare
    order_row    purchase_order%rowtype;
    line_count   bigint;
    outstanding  bigint;
begin
    select * into order_row from purchase_order where id = p_order_id;
    if not found then
        return;
    end if;
    select count(*), count(*) filter (where quantity_received < quantity_ordered)
      into line_count, outstanding
      from purchase_order_line where purchase_order_id = p_order_id;
    if line_count = 0 then
        raise exception 'purchase order % has no lines', order_row.number
            using errcode = 'integrity_constraint_violation';
    end if;
    if order_row.status = 'RECEIVED' and outstanding > 0 then
        raise exception 'purchase order % is RECEIVED but % of its lines are not fully received',
            order_row.number, outstanding
            using errcode = 'integrity_constraint_violation';
    end if;
    if order_row.status = 'OPEN' and outstanding = 0 then
        raise exception 'purchase order % is fully received but still OPEN', order_row.number
            using errcode = 'integrity_constraint_violation';
    end if;
end $$;

create function check_purchase_order_row() returns trigger
    language plpgsql as $$
begin
    perform check_purchase_order_completion(new.id);
    return null;
end $$;

create constraint trigger purchase_order_complete
    after insert or update on purchase_order
    deferrable initially deferred
    for each row execute function check_purchase_order_row();

-- Lines --------------------------------------------------------------------------------------

create function guard_purchase_order_line() returns trigger
    language plpgsql as $$
declare
    places smallint;
begin
    if tg_op = 'DELETE' then
        raise exception 'purchase order lines are never deleted'
            using errcode = 'integrity_constraint_violation';
    end if;
    if tg_op = 'INSERT' and (select status from purchase_order where id = new.purchase_order_id) <> 'OPEN' then
        raise exception 'purchase order % is closed: it takes no new lines', new.purchase_order_id
            using errcode = 'integrity_constraint_violation';
    end if;
    if tg_op = 'UPDATE' and (new.purchase_order_id <> old.purchase_order_id or new.product_id <> old.product_id
                             or new.quantity_ordered <> old.quantity_ordered) then
        raise exception 'purchase order line %: its order, product and quantity ordered never change', old.id
            using errcode = 'integrity_constraint_violation';
    end if;
    select decimal_places into places from product where id = new.product_id;
    if not fits_decimal_places(new.quantity_ordered, places)
       or not fits_decimal_places(new.quantity_received, places) then
        raise exception 'purchase order line of product %: a quantity has more than % decimal places',
            new.product_id, places
            using errcode = 'check_violation';
    end if;
    return new;
end $$;

create trigger purchase_order_line_guarded
    before insert or update or delete on purchase_order_line
    for each row execute function guard_purchase_order_line();

create trigger purchase_order_line_no_truncate
    before truncate on purchase_order_line
    for each statement execute function forbid_purchasing_truncate();

-- At commit: what a line says it received is what its receipts brought.
create function check_purchase_order_line_matches_receipts(p_line_id bigint) returns void
    language plpgsql as $$
declare
    stated   numeric;
    received numeric;
begin
    select quantity_received into stated from purchase_order_line where id = p_line_id;
    if not found then
        return;
    end if;
    select coalesce(sum(quantity), 0) into received from purchase_receipt_line where purchase_order_line_id = p_line_id;
    if stated <> received then
        raise exception 'purchase order line % says % received, but its receipts brought %', p_line_id, stated, received
            using errcode = 'integrity_constraint_violation';
    end if;
end $$;

create function check_purchase_order_line_row() returns trigger
    language plpgsql as $$
begin
    perform check_purchase_order_line_matches_receipts(new.id);
    perform check_purchase_order_completion(new.purchase_order_id);
    return null;
end $$;

create constraint trigger purchase_order_line_matches_receipts
    after insert or update on purchase_order_line
    deferrable initially deferred
    for each row execute function check_purchase_order_line_row();

-- Receipts -----------------------------------------------------------------------------------

create function forbid_receipt_rewrite() returns trigger
    language plpgsql as $$
begin
    raise exception 'purchase receipts are append-only (% refused)', tg_op
        using errcode = 'integrity_constraint_violation';
end $$;

create trigger purchase_receipt_append_only
    before update or delete on purchase_receipt
    for each row execute function forbid_receipt_rewrite();

create trigger purchase_receipt_no_truncate
    before truncate on purchase_receipt
    for each statement execute function forbid_receipt_rewrite();

create trigger purchase_receipt_line_append_only
    before update or delete on purchase_receipt_line
    for each row execute function forbid_receipt_rewrite();

create trigger purchase_receipt_line_no_truncate
    before truncate on purchase_receipt_line
    for each statement execute function forbid_receipt_rewrite();

-- A delivery is taken into an OPEN order only. The order row is locked (as the application
-- server locks it), so a cancel cannot slip in between this check and the commit.
create function require_open_purchase_order() returns trigger
    language plpgsql as $$
declare
    order_status text;
    order_number text;
begin
    select status, number into order_status, order_number
      from purchase_order where id = new.purchase_order_id for no key update;
    if order_status <> 'OPEN' then
        raise exception 'purchase order % is %: it takes no more deliveries', order_number, order_status
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end $$;

create trigger purchase_receipt_into_open_order
    before insert on purchase_receipt
    for each row execute function require_open_purchase_order();

-- A receipt line is the RECEIVE movement it names: that order line's product, into the
-- receipt's location, the same quantity, with the order number as its reference.
create function require_receipt_line_matches_movement() returns trigger
    language plpgsql as $$
declare
    movement     stock_movement%rowtype;
    receipt      purchase_receipt%rowtype;
    line         purchase_order_line%rowtype;
    order_number text;
begin
    select * into movement from stock_movement where id = new.movement_id;
    select * into receipt from purchase_receipt where id = new.purchase_receipt_id;
    select * into line from purchase_order_line where id = new.purchase_order_line_id;
    select number into order_number from purchase_order where id = line.purchase_order_id;
    if line.purchase_order_id <> receipt.purchase_order_id then
        raise exception 'receipt % and order line % belong to different purchase orders', receipt.id, line.id
            using errcode = 'integrity_constraint_violation';
    end if;
    if movement.movement_type <> 'RECEIVE' or movement.product_id <> line.product_id
       or movement.to_location_id <> receipt.location_id or movement.quantity <> new.quantity
       or movement.reference is distinct from order_number then
        raise exception 'movement % is not the RECEIVE of % of product % into location % for purchase order %',
            new.movement_id, new.quantity, line.product_id, receipt.location_id, order_number
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end $$;

create trigger purchase_receipt_line_is_its_movement
    before insert on purchase_receipt_line
    for each row execute function require_receipt_line_matches_movement();

create function check_receipt_line_row() returns trigger
    language plpgsql as $$
begin
    perform check_purchase_order_line_matches_receipts(new.purchase_order_line_id);
    return null;
end $$;

create constraint trigger purchase_receipt_line_matches_order_line
    after insert on purchase_receipt_line
    deferrable initially deferred
    for each row execute function check_receipt_line_row();
