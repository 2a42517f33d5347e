-- Every app server keeps the sessions of recently checked tokens in memory for a few seconds
-- (stockroom.auth.session-cache-ttl). With several app servers on one database, a log-out, a
-- password change, a role change or a disabled user on one server must reach the caches of the
-- others too: this trigger sends a NOTIFY on the channel they LISTEN on, and each server empties
-- its cache when it hears it. PostgreSQL delivers a notification only when the transaction that
-- sent it commits, so no server forgets too early, and a rolled-back change sends nothing.
--
-- New tokens (INSERT) invalidate nothing and send nothing: log-ins stay quiet. Changes made in
-- SQL by hand notify as well. A server that is not listening at the moment (its listening
-- connection is being re-opened) sees the change within the cache's TTL at the latest.

create function notify_session_change() returns trigger
    language plpgsql as $$
begin
    -- One notification per statement; PostgreSQL folds identical ones within a transaction.
    perform pg_notify('stockroom_session_change', tg_table_name);
    return null;
end $$;

create trigger auth_token_change_notifies
    after update or delete on auth_token
    for each statement execute function notify_session_change();

create trigger app_user_change_notifies
    after update or delete on app_user
    for each statement execute function notify_session_change();

-- TRUNCATE fires no row or UPDATE/DELETE triggers: it gets its own.
create trigger auth_token_truncate_notifies
    after truncate on auth_token
    for each statement execute function notify_session_change();

create trigger app_user_truncate_notifies
    after truncate on app_user
    for each statement execute function notify_session_change();
