-- Idempotency-Key (IETF httpapi draft) on the POSTs that write. The application server stores
-- the first successful answer to a keyed request here, in the same transaction as the request's
-- effect: either both are committed or neither is, so a retry is either answered from this row
-- or applied for the first time, never applied twice.
--
-- response_body is text, not jsonb: a replay must send the very bytes of the first answer, and
-- jsonb would reorder its members.

create table idempotency_key (
    key                 text        primary key,
    request_fingerprint text        not null,
    status              integer     not null,
    response_body       text        not null,
    location            text,
    etag                text,
    created_at          timestamptz not null default now(),
    expires_at          timestamptz not null,
    -- 1 to 255 printable ASCII characters, as the server accepts them.
    constraint idempotency_key_format check (char_length(key) between 1 and 255 and key ~ '^[ -~]+$'),
    -- SHA-256 in hex.
    constraint idempotency_key_fingerprint_format check (request_fingerprint ~ '^[0-9a-f]{64}$'),
    -- Only successful answers are kept; a refusal stores nothing and is re-evaluated on retry.
    constraint idempotency_key_status_success check (status between 200 and 299),
    constraint idempotency_key_expires_after_creation check (expires_at > created_at)
);

-- The server deletes expired rows in small batches while it stores new ones.
create index idempotency_key_expires_at on idempotency_key (expires_at);

comment on table idempotency_key is
    'The first successful answer to each POST sent with an Idempotency-Key, replayed to retries until expires_at';
