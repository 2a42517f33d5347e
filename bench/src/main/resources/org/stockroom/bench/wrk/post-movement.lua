-- post one movement: the body HttpLoad sends, with an Idempotency-Key no other request has used:
-- the run's id (fresh per wrk process), the thread's id and its counter.
function request()
   sent = sent + 1
   local movement_headers = {
      ["Authorization"] = headers["Authorization"],
      ["Content-Type"] = "application/json",
      ["Idempotency-Key"] = string.format("bench-%s-%d-%d", run_id, id, sent),
   }
   local body = string.format('{"type":"RECEIVE","sku":"%s","quantity":1,"to":"%s","reference":"bench"}',
      random_sku(), random_location())
   return wrk.format("POST", api .. "movements", movement_headers, body)
end
