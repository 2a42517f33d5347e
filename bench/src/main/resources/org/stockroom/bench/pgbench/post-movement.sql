-- POST /movements (RECEIVE 1 at a random location, with a fresh Idempotency-Key): the one
-- transaction the server runs, statement for statement; like the server, one run in 16 also
-- deletes expired idempotency keys (IdempotencyService.CLEANUP_EVERY). The deferred
-- constraint triggers (stock level = sum of the ledger) run at COMMIT, as for the server; the
-- level update also updates product.on_hand (V7's row trigger), as for the server.
-- The JSON texts come in as variables (-D): pgbench would read ":name" inside a literal as one.
\set n random(1, :products)
\set loc random(1, :locations)
\set key random(1, 9000000000000000000)
BEGIN;
select pg_try_advisory_xact_lock(hashtextextended(:username || chr(10) || 'pgbench-' || cast(:key as text), 0));
select request_fingerprint, status, response_body, location, etag from idempotency_key where username = :username and key = 'pgbench-' || cast(:key as text) and expires_at > now();
select * from product where sku = 'SKU-' || lpad(cast(:n as text), 8, '0') for no key update \gset p_
select l1_0.id as lid,l1_0.code,l1_0.created_at as lcreated,l1_0.name as lname from location l1_0 where l1_0.code='LOC-' || lpad(cast(:loc as text), 2, '0') \gset
insert into stock_level (product_id, location_id, on_hand, updated_at) values (:p_id, :lid, 0, now()) on conflict do nothing;
select sl1_0.location_id,sl1_0.product_id,sl1_0.on_hand,sl1_0.updated_at as lupdated from stock_level sl1_0 where (sl1_0.location_id,sl1_0.product_id) in ((:lid,:p_id)) for no key update \gset
\set newonhand :on_hand + 1
insert into stock_movement (from_location_id,occurred_at,product_id,quantity,reason,recorded_by,reference,to_location_id,movement_type) values (null,now(),:p_id,1,null,:username,'bench',:lid,'RECEIVE') RETURNING id as mid \gset
update stock_level set on_hand=:newonhand,updated_at=now() where location_id=:lid and product_id=:p_id;
insert into audit_event (username, action, subject_type, subject_key, details) values (:username, 'movement.recorded', 'movement', cast(:mid as text), cast(:auditdetails as jsonb));
insert into idempotency_key (username, key, request_fingerprint, status, response_body, location, etag, created_at, expires_at) values (:username, 'pgbench-' || cast(:key as text), :fingerprint, 201, :responsebody, nullif('/api/v1/movements/' || cast(:mid as text), ''), nullif('', ''), now(), now() + 86400000 * interval '1 millisecond') on conflict (username, key) do update set request_fingerprint = excluded.request_fingerprint, status = excluded.status, response_body = excluded.response_body, location = excluded.location, etag = excluded.etag, created_at = excluded.created_at, expires_at = excluded.expires_at where idempotency_key.expires_at <= now();
\set cleanup random(1, 16)
\if :cleanup = 1
delete from idempotency_key where (username, key) in (select username, key from idempotency_key where expires_at <= now() order by expires_at limit 100 for update skip locked);
\endif
COMMIT;
