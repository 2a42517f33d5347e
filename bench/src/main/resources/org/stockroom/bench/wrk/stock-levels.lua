-- stock levels of one product: GET /stock?sku={sku}
function request()
   return get("stock?sku=" .. random_sku())
end
