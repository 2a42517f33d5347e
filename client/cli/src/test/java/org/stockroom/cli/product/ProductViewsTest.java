package org.stockroom.cli.product;

import org.junit.jupiter.api.Test;
import org.stockroom.cli.Output;
import org.stockroom.client.model.Product;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProductViewsTest {

    private static final Instant CREATED = Instant.parse("2025-11-21T10:15:30Z");

    private final Product bolt = new Product("BOLT-1", "Hex bolt", null, "EA", "Fasteners", BigDecimal.valueOf(5), false,
            BigDecimal.valueOf(6), 0, 2,
            CREATED, CREATED.plusSeconds(3600));
    private final Product tape = new Product("TAPE", "PTFE tape", "12 mm", "ROLL", null, BigDecimal.valueOf(20), true,
            BigDecimal.ZERO, 0, 7,
            CREATED, CREATED);

    @Test
    void listsProductsWithNumbersRightAligned() {
        assertThat(ProductCommand.table(List.of(bolt, tape)).lines()).containsExactly(
                "SKU     NAME                  CATEGORY   UNIT  ON HAND  REORDER POINT",
                "BOLT-1  Hex bolt              Fasteners  EA          6              5",
                "TAPE    PTFE tape (archived)             ROLL        0             20");
    }

    @Test
    void showsOneProductAsLabelledLines() {
        StringWriter text = new StringWriter();
        Output output = new Output(new PrintWriter(text, true), false, ZoneOffset.UTC);

        output.details(ProductCommand.details(bolt, output));

        assertThat(text.toString().lines()).containsExactly(
                "SKU            BOLT-1",
                "Name           Hex bolt",
                "Description    -",
                "Category       Fasteners",
                "Unit           EA",
                "On hand        6",
                "Reorder point  5",
                "Lot-tracked    no",
                "Archived       no",
                "Version        2",
                "Created        2025-11-21 10:15",
                "Updated        2025-11-21 11:15");
    }
}
