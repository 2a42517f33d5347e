package org.stockroom.movement;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stockroom.security.Role;
import org.stockroom.testing.Ledger;
import org.stockroom.testing.StockroomTestServer;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.as;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.createProduct;
import static org.stockroom.testing.Api.unique;

/** Every movement names the user who recorded it: in the answer, in both reads, and in the ledger itself. */
class RecordedByApiIT {

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"CLERK", "MANAGER", "ADMIN"})
    void eachMovementIsRecordedByTheUserWhoSentIt(Role role) {
        String user = StockroomTestServer.testUser(role);
        String sku = unique("BY");
        String main = unique("MAIN");
        String shop = unique("SHOP");
        createProduct(sku, 0);
        createLocation(main);
        createLocation(shop);

        int receipt = as(role).body(Map.of("type", "RECEIVE", "sku", sku, "quantity", 10, "to", main))
                .post("/movements").then().statusCode(201).body("recordedBy", equalTo(user)).extract().path("id");
        int transfer = as(role).body(Map.of("type", "TRANSFER", "sku", sku, "quantity", 4, "from", main, "to", shop))
                .post("/movements").then().statusCode(201).body("recordedBy", equalTo(user)).extract().path("id");
        as(role).body(Map.of("type", "ADJUST", "sku", sku, "quantity", -1, "from", shop, "reason", "Damaged"))
                .post("/movements").then().statusCode(201).body("recordedBy", equalTo(user));

        as(Role.VIEWER).get("/movements/{id}", receipt).then().statusCode(200).body("recordedBy", equalTo(user));
        as(Role.VIEWER).get("/movements/{id}", transfer).then().statusCode(200).body("recordedBy", equalTo(user));
        api().queryParam("sku", sku).get("/movements").then().statusCode(200)
                .body("items.size()", equalTo(3))
                .body("items.recordedBy.unique()", equalTo(java.util.List.of(user)));
        // A transfer is one ledger line naming both locations: it, like every line, names the user.
        assertThat(Ledger.queryLong("""
                select count(*) from stock_movement m join product p on p.id = m.product_id
                 where p.sku = ? and m.recorded_by = ?""", sku, user)).isEqualTo(3);
    }
}
