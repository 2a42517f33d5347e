-- forbid_receipt_of_archived_product: its one current body. Created in V1, redefined in V2, V3, V7;
-- those versioned files stay as they were applied (Flyway checksums them). Flyway re-runs this
-- file after the versioned migrations whenever it changes: the next change to the function is
-- made here, not in a new V file.
--
-- An archived product takes no new stock (a receipt, or an adjustment up). The product row is
-- locked FOR NO KEY UPDATE (V7): it waits for an archive, and two receipts queue rather than
-- deadlock on the product total's update.

create or replace function forbid_receipt_of_archived_product() returns trigger
    language plpgsql as $$
declare
    product_archived boolean;
begin
    if new.movement_type = 'RECEIVE' or (new.movement_type = 'ADJUST' and new.quantity > 0) then
        select archived into product_archived from product where id = new.product_id for no key update;
        if product_archived then
            raise exception 'product % is archived and takes no new stock', new.product_id
                using errcode = 'check_violation';
        end if;
    end if;
    return new;
end $$;
