-- low-stock report: GET /products?belowReorder=true&limit=100
function request()
   return get("products?belowReorder=true&limit=100")
end
