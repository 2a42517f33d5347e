package org.stockroom.cli;

import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;
import org.stockroom.client.Page;
import org.stockroom.client.model.StockLevel;

import java.math.BigDecimal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutputTest {

    private final StringWriter text = new StringWriter();

    private Output output(boolean json) {
        return new Output(new PrintWriter(text, true), json, ZoneOffset.UTC);
    }

    private static Table levels(List<StockLevel> levels) {
        Table table = new Table().left("SKU").right("ON HAND");
        levels.forEach(level -> table.row(level.sku(), level.onHand()));
        return table;
    }

    @Test
    void showsATableAndHowToGetTheNextPage() {
        Page<StockLevel> page = new Page<>(List.of(new StockLevel("BOLT-1", "MAIN", BigDecimal.valueOf(6), BigDecimal.valueOf(5))), "eyJpZCI6N30");

        output(false).page(page, "stock levels", OutputTest::levels);

        assertThat(text.toString().lines()).containsExactly(
                "SKU     ON HAND",
                "BOLT-1        6",
                "More stock levels follow: add --all to list them all, or --after eyJpZCI6N30 for the next page.");
    }

    @Test
    void saysSoWhenThereIsNothing() {
        output(false).page(new Page<StockLevel>(List.of(), null), "stock levels", OutputTest::levels);

        assertThat(text.toString().lines()).containsExactly("No stock levels.");
    }

    @Test
    void printsPagesAsTheServersJsonShape() {
        Page<StockLevel> page = new Page<>(List.of(new StockLevel("BOLT-1", "MAIN", BigDecimal.valueOf(6), BigDecimal.valueOf(5))), null);

        output(true).page(page, "stock levels", OutputTest::levels);

        @SuppressWarnings("unchecked")
        Map<String, Object> json = JsonbBuilder.create().fromJson(text.toString(), Map.class);
        assertThat(json).containsOnlyKeys("items", "next");
        assertThat(json.get("next")).isNull();
        assertThat(text.toString()).contains("\"sku\": \"BOLT-1\"", "\"onHand\": 6", "\"reorderPoint\": 5");
        assertThat(text.toString().indexOf("\"sku\"")).isLessThan(text.toString().indexOf("\"location\""));
    }

    @Test
    void alignsDetailsAndMarksMissingValues() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("SKU", "BOLT-1");
        details.put("Description", null);
        details.put("Reorder point", 5);

        output(false).details(details);

        assertThat(text.toString().lines()).containsExactly(
                "SKU            BOLT-1",
                "Description    -",
                "Reorder point  5");
    }

    @Test
    void showsTimesInTheLocalZoneToTheMinute() {
        Output berlin = new Output(new PrintWriter(text), false, ZoneId.of("Europe/Berlin"));

        assertThat(berlin.time(Instant.parse("2025-11-21T10:15:59Z"))).isEqualTo("2025-11-21 11:15");
        assertThat(berlin.time(null)).isEmpty();
    }
}
