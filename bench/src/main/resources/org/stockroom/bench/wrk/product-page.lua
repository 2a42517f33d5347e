-- keyset page of 100 products after a random SKU: the cursor the server would have issued after it
function request()
   return get("products?limit=100&after=" .. base64url(random_sku()))
end
