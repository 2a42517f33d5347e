-- Failed log-ins, counted in fixed windows, so that password guessing is refused with 429
-- after a few failures. Kept here and not in one server's memory: with several application
-- servers on one database, a guesser must not get a fresh allowance from each of them.
--
-- One row per (scope, key):
--   scope 'user_address': key is '<client address> <lower(user name)>' (an address has no space);
--   scope 'address':      key is the client address (covers one address trying many names);
--   scope 'user':         key is lower(user name), from every address (a distributed attack).
-- A failure in an expired window starts a new one at 1; a successful log-in deletes its
-- 'user_address' row. The server deletes rows of long-ended windows as it records new failures.
-- See docs/security.md#failed-log-ins.

create table login_failure (
    scope             text        not null,
    key               text        not null,
    window_started_at timestamptz not null default now(),
    failures          integer     not null,
    constraint login_failure_pkey primary key (scope, key),
    constraint login_failure_scope_known check (scope in ('user_address', 'address', 'user')),
    -- A user name is at most 64 characters at log-in, an address (IPv6 with a zone) well under 100.
    constraint login_failure_key_length check (char_length(key) between 1 and 200),
    -- A row is written by a failure: never zero, never negative.
    constraint login_failure_failures_positive check (failures >= 1)
);

-- The clean-up finds ended windows by their start.
create index login_failure_window_started_at on login_failure (window_started_at);

comment on table login_failure is
    'Failed log-ins per user name and address, per address and per user name, in fixed windows; 429 beyond the limits';
