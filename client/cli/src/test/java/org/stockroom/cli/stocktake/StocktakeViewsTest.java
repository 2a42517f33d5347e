package org.stockroom.cli.stocktake;

import org.junit.jupiter.api.Test;
import org.stockroom.cli.Output;
import org.stockroom.client.model.Stocktake;
import org.stockroom.client.model.StocktakeLine;
import org.stockroom.client.model.StocktakeStatus;
import org.stockroom.client.model.StocktakeSummary;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StocktakeViewsTest {

    private static final Instant AT = Instant.parse("2025-11-21T10:15:30Z");
    private final Output output = new Output(new PrintWriter(new StringWriter()), false, ZoneOffset.UTC);

    @Test
    void showsCountedLinesWithSignedDifferencesAndTheOnesStillToCount() {
        List<StocktakeLine> lines = List.of(
                new StocktakeLine("BOLT-1", "Hex bolt", qty("8.000000"), qty("10"), qty("-2"), "anna", AT, 41L, 57L),
                new StocktakeLine("NUT-1", "Hex nut", qty("6"), qty("5"), qty("1"), "anna", AT, 42L, null),
                new StocktakeLine("WASHER-1", "Washer", null, null, null, null, null, null, null));

        assertThat(StocktakeCommand.lines(lines).lines()).containsExactly(
                "SKU       NAME      COUNTED  EXPECTED  DIFFERENCE  COUNTED BY  MOVEMENT",
                "BOLT-1    Hex bolt        8        10          -2  anna              57",
                "NUT-1     Hex nut         6         5          +1  anna",
                "WASHER-1  Washer");
    }

    @Test
    void showsAStocktakesDetails() {
        Stocktake stocktake = new Stocktake(7, "A-1", StocktakeStatus.POSTED, List.of("BOLT-1", "NUT-1"), "anna", AT,
                "mia", AT.plusSeconds(3600), 3, List.of());

        assertThat(StocktakeCommand.details(stocktake, output)).containsExactly(
                java.util.Map.entry("Stocktake", 7L), java.util.Map.entry("Location", "A-1"),
                java.util.Map.entry("Status", "posted"), java.util.Map.entry("Counts", "BOLT-1, NUT-1"),
                java.util.Map.entry("Opened", "2025-11-21 10:15 by anna"),
                java.util.Map.entry("Closed", "2025-11-21 11:15 by mia"), java.util.Map.entry("Version", 3L));
    }

    @Test
    void listsStocktakesNewestFirst() {
        List<StocktakeSummary> stocktakes = List.of(
                new StocktakeSummary(12, "A-1", StocktakeStatus.OPEN, null, "anna", AT.plusSeconds(60), null, null, 0),
                new StocktakeSummary(9, "B-2", StocktakeStatus.POSTED, List.of("BOLT-1"), "ben", AT, "mia",
                        AT.plusSeconds(120), 4));

        assertThat(StocktakeCommand.table(stocktakes, output).lines()).containsExactly(
                "ID  OPENED            LOCATION  STATUS  COUNTS  BY    CLOSED",
                "12  2025-11-21 10:16  A-1       OPEN    all     anna",
                " 9  2025-11-21 10:15  B-2       POSTED  1 SKU   ben   2025-11-21 10:17 mia");
    }

    @Test
    void signsDifferences() {
        assertThat(StocktakeCommand.signed(qty("4"))).isEqualTo("+4");
        assertThat(StocktakeCommand.signed(qty("-2.500"))).isEqualTo("-2.5");
        assertThat(StocktakeCommand.signed(qty("0.000000"))).isEqualTo("0");
    }

    private static BigDecimal qty(String value) {
        return new BigDecimal(value);
    }
}
