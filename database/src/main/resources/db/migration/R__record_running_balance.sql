-- The running balance of the ledger (V8): its three functions' one current body. Created in V8
-- with bigint, in numeric since V11 (which dropped the bigint helpers). Those versioned files stay
-- as they were applied (Flyway checksums them); the next change to these functions is made here.
--
-- move_ledger_balance moves the head of (product, location) by a delta on behalf of a movement
-- and returns the new balance: UPDATE first (every movement but a location's first; it waits for
-- a concurrent movement's uncommitted head and builds on its balance), INSERT ... ON CONFLICT for
-- the first. require_supplied_balance checks a balance a client supplied. record_running_balance,
-- trigger function of stock_movement_records_running_balance, fills in both balances.

create or replace function move_ledger_balance(p_product_id bigint, p_location_id bigint, p_delta numeric, p_movement_id bigint)
    returns numeric
    language plpgsql as $$
declare
    balance_after numeric;
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

create or replace function require_supplied_balance(p_movement_id bigint, side text, supplied numeric, ledger_balance numeric)
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

create or replace function record_running_balance() returns trigger
    language plpgsql as $$
declare
    from_delta numeric := case when new.movement_type = 'ADJUST' then new.quantity else -new.quantity end;
    from_after numeric;
    to_after   numeric;
begin
    -- The product row first, as the application server and V7's trigger take it: a client
    -- writing SQL of its own then queues on it too instead of deadlocking on the heads.
    perform 1 from product where id = new.product_id for no key update;
    -- A movement that waited above may hold an id lower than one another transaction has
    -- meanwhile put on a head this one moves: it draws a new one (V8).
    if new.id <= (select max(last_movement_id) from stock_ledger_balance
                   where product_id = new.product_id
                     and location_id in (new.from_location_id, new.to_location_id)) then
        new.id := nextval(pg_get_serial_sequence('stock_movement', 'id'));
    end if;
    -- The heads in ascending location order, so two transfers in opposite directions queue.
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
