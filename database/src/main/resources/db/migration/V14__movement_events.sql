-- Live updates (GET /api/v1/events, issue 14): every app server streams the movements other
-- servers record, and a client that lost its stream resumes where it left off.
--
-- 1. A committed movement is announced on the channel stockroom_movement, its id as the payload.
--    PostgreSQL delivers a notification only when the transaction that sent it commits, to every
--    session listening then, in commit order; a rolled-back movement announces nothing. Each app
--    server listens on one connection of its own and reads each announced movement once, whatever
--    the number of its subscribers.
--
-- 2. Resuming needs the order in which movements became visible, and the ids do not give it: an
--    identity value is drawn when a row is inserted, so a movement with a lower id can commit after
--    one with a higher id (two products, two transactions). A client that saw movement 101 and
--    resumed with "everything after 101" would never see movement 100 committed just after it.
--    So each movement also records
--      xact_id      the id of the transaction that wrote it (pg_current_xact_id()), and
--      xact_horizon the oldest transaction still running when it was written
--                   (pg_snapshot_xmin of the statement's snapshot).
--    Any movement that commits after movement N was written by a transaction that was running
--    when N was written, or that started later, so its xact_id >= N's xact_horizon. Resuming
--    after N therefore replays the movements with xact_id >= N's xact_horizon: all that N's
--    reader cannot have seen, plus a few it has (those that ran alongside N), which clients
--    recognise by id. The overlap is as small as the transactions running at the time.
--
-- Both columns are set by a trigger, whatever an INSERT supplies: nobody but the database knows
-- them. Rows from before this migration keep nulls; a stream cannot resume from them (the server
-- tells the client to reload instead).

alter table stock_movement
    add column xact_id xid8,
    add column xact_horizon xid8;

comment on column stock_movement.xact_id is
    'Transaction that wrote the movement (pg_current_xact_id()); set by trigger stock_movement_records_transaction';
comment on column stock_movement.xact_horizon is
    'Oldest transaction running when the movement was written: every later commit has xact_id >= this; set by trigger';

create function record_movement_transaction() returns trigger
    language plpgsql as $$
begin
    new.xact_id := pg_current_xact_id();
    new.xact_horizon := pg_snapshot_xmin(pg_current_snapshot());
    return new;
end $$;

-- Before-insert triggers fire in name order: this one after stock_movement_records_running_balance,
-- which may wait for another movement of the product; the later the horizon, the smaller the overlap.
create trigger stock_movement_records_transaction
    before insert on stock_movement
    for each row execute function record_movement_transaction();

-- What a resuming stream reads: the movements written by transactions at or after a horizon.
create index stock_movement_xact_idx on stock_movement (xact_id) where xact_id is not null;

create function notify_movement_recorded() returns trigger
    language plpgsql as $$
begin
    perform pg_notify('stockroom_movement', new.id::text);
    return null;
end $$;

create trigger stock_movement_notifies
    after insert on stock_movement
    for each row execute function notify_movement_recorded();
