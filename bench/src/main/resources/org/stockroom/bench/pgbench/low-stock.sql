-- GET /products?belowReorder=true&limit=100: the first page of products below their reorder point.
BEGIN;
select p1_0.id,p1_0.archived,p1_0.category,p1_0.created_at,p1_0.description,p1_0.name,p1_0.on_hand,p1_0.reorder_point,p1_0.sku,p1_0.unit_of_measure,p1_0.updated_at,p1_0.version from product p1_0 where p1_0.archived=false and p1_0.on_hand<p1_0.reorder_point order by p1_0.sku fetch first 101 rows only;
COMMIT;
