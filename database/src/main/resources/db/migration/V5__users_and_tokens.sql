-- Users and their bearer tokens: the foundation of authentication.
--
-- Passwords are stored only as PBKDF2-HMAC-SHA256 hashes in the self-describing form
-- pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>, so that the iteration count can be
-- raised later without a migration. Bearer tokens are opaque random values; only their SHA-256
-- (hex) is stored, so a copy of this table grants no access. See docs/security.md.

create table app_user (
    id                  bigint      generated always as identity primary key,
    username            text        not null,
    password_hash       text        not null,
    role                text        not null,
    disabled            boolean     not null default false,
    created_at          timestamptz not null default now(),
    password_changed_at timestamptz not null default now(),
    constraint app_user_username_unique unique (username),
    constraint app_user_username_format check (char_length(username) between 1 and 64 and username ~ '^[A-Za-z0-9][A-Za-z0-9._@-]*$'),
    constraint app_user_role_known check (role in ('viewer', 'clerk', 'manager', 'admin')),
    constraint app_user_password_hash_format check (password_hash ~ '^pbkdf2-sha256\$[0-9]+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$')
);

-- 'Admin' and 'admin' are the same user: log-in looks users up by lower(username).
create unique index app_user_username_lower_unique on app_user (lower(username));

create table auth_token (
    token_hash text        primary key,
    user_id    bigint      not null references app_user (id) on delete cascade,
    issued_at  timestamptz not null default now(),
    expires_at timestamptz not null,
    revoked_at timestamptz,
    -- SHA-256 in hex: never the token itself.
    constraint auth_token_hash_format check (token_hash ~ '^[0-9a-f]{64}$'),
    constraint auth_token_expires_after_issue check (expires_at > issued_at),
    constraint auth_token_revoked_after_issue check (revoked_at is null or revoked_at >= issued_at)
);

create index auth_token_user_id on auth_token (user_id);
create index auth_token_expires_at on auth_token (expires_at);

comment on table app_user is
    'The people who use the API, with a role (viewer < clerk < manager < admin) and a PBKDF2 password hash';
comment on table auth_token is
    'Opaque bearer tokens, stored as their SHA-256; valid until expires_at unless revoked_at is set';
