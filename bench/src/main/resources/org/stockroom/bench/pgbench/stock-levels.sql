-- GET /stock?sku={sku}: the product's stock levels (a page of 50, one more fetched).
\set n random(1, :products)
BEGIN;
select p1_0.sku,l1_0.code,sl1_0.on_hand,p1_0.reorder_point from stock_level sl1_0 join product p1_0 on p1_0.id=sl1_0.product_id join location l1_0 on l1_0.id=sl1_0.location_id where p1_0.sku='SKU-' || lpad(cast(:n as text), 8, '0') order by p1_0.sku,l1_0.code fetch first 51 rows only;
COMMIT;
