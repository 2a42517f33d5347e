-- An archived product takes no new stock of any kind. V1 refused only RECEIVE; a positive
-- ADJUST (stock found on a count) would also have put stock on an archived product, which
-- the application server already refuses. The database now refuses it too.

create or replace function forbid_receipt_of_archived_product() returns trigger
    language plpgsql as $$
declare
    product_archived boolean;
begin
    if new.movement_type = 'RECEIVE' or (new.movement_type = 'ADJUST' and new.quantity > 0) then
        -- FOR SHARE: wait for, then see, an archive that is still being committed.
        select archived into product_archived from product where id = new.product_id for share;
        if product_archived then
            raise exception 'product % is archived and takes no new stock', new.product_id
                using errcode = 'check_violation';
        end if;
    end if;
    return new;
end $$;
