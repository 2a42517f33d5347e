-- The audit trail: who changed what.
--
-- 1. Every new movement names the user who recorded it. The check is NOT VALID so that
--    older rows (recorded before authentication was enforced, with recorded_by null) stay
--    as they are; the ledger is append-only, so they could not be filled in anyway.
-- 2. audit_event: one append-only row per change made through the API (product created,
--    revised or archived; location created; movement recorded), written by the application
--    server in the same transaction as the change itself, so there is no change without its
--    row and no row without its change.
-- 3. Idempotency keys belong to the user who sent them: the same key sent by two users is two
--    requests, not a replay of the first user's answer to the second.

-- 1 -------------------------------------------------------------------------------------

alter table stock_movement
    add constraint stock_movement_recorded_by_required
        check (recorded_by is not null and btrim(recorded_by) <> '') not valid;

-- 2 -------------------------------------------------------------------------------------

create table audit_event (
    id           bigint      generated always as identity primary key,
    occurred_at  timestamptz not null default now(),
    username     text        not null,
    action       text        not null,
    subject_type text        not null,
    subject_key  text        not null,
    details      jsonb       not null default '{}',
    constraint audit_event_username_not_blank check (btrim(username) <> ''),
    -- e.g. product.created, movement.recorded: lower-case words joined by dots.
    constraint audit_event_action_format check (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
    constraint audit_event_subject_not_blank check (btrim(subject_type) <> '' and btrim(subject_key) <> ''),
    constraint audit_event_details_object check (jsonb_typeof(details) = 'object')
);

-- GET /audit lists newest first (by id), optionally for one user (case-insensitive) or since a time.
create index audit_event_user_idx on audit_event (lower(username), id);
create index audit_event_occurred_at_idx on audit_event (occurred_at);

create function forbid_audit_rewrite() returns trigger
    language plpgsql as $$
begin
    raise exception 'the audit trail is append-only (% refused)', tg_op
        using errcode = 'integrity_constraint_violation';
end $$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function forbid_audit_rewrite();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function forbid_audit_rewrite();

comment on table audit_event is
    'Append-only record of every change made through the API: who, what, when, and the details of the change';

-- 3 -------------------------------------------------------------------------------------

-- Stored answers from before this migration do not say whose they are, so none can be safely
-- replayed to anyone: they are dropped (they live 24 hours at most anyway). A client retrying
-- across the upgrade has its request applied as a new one.
delete from idempotency_key;

alter table idempotency_key add column username text not null;
alter table idempotency_key drop constraint idempotency_key_pkey;
alter table idempotency_key add constraint idempotency_key_pkey primary key (username, key);
alter table idempotency_key add constraint idempotency_key_username_not_blank check (btrim(username) <> '');

comment on table idempotency_key is
    'The first successful answer to each POST a user sent with an Idempotency-Key, replayed to that user''s retries until expires_at';
