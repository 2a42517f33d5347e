-- get one product: GET /products/{sku}
function request()
   return get("products/" .. random_sku())
end
