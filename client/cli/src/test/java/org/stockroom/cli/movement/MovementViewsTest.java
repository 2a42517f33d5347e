package org.stockroom.cli.movement;

import org.junit.jupiter.api.Test;
import org.stockroom.cli.Output;
import org.stockroom.client.model.Movement;
import org.stockroom.client.model.MovementType;

import java.math.BigDecimal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MovementViewsTest {

    @Test
    void listsMovementsNewestFirstAsTheServerSentThemWithWhoRecordedThem() {
        Output output = new Output(new PrintWriter(new StringWriter()), false, ZoneOffset.UTC);
        Instant at = Instant.parse("2025-11-21T10:15:30Z");
        List<Movement> movements = List.of(
                new Movement(103, MovementType.ISSUE, "BOLT-1", BigDecimal.valueOf(6), "SHOP", null, null, "JOB-9",
                        at.plusSeconds(120), "anna"),
                new Movement(102, MovementType.TRANSFER, "BOLT-1", BigDecimal.valueOf(4), "MAIN", "SHOP", null, null,
                        at.plusSeconds(60), "ben"),
                new Movement(9, MovementType.ADJUST, "BOLT-1", BigDecimal.valueOf(-2), null, "MAIN", "cycle count", null, at, null));

        assertThat(MovementsCommand.table(movements, output).lines()).containsExactly(
                " ID  WHEN              TYPE      SKU     QUANTITY  FROM  TO    BY    REFERENCE  REASON",
                "103  2025-11-21 10:17  ISSUE     BOLT-1         6  SHOP        anna  JOB-9",
                "102  2025-11-21 10:16  TRANSFER  BOLT-1         4  MAIN  SHOP  ben",
                "  9  2025-11-21 10:15  ADJUST    BOLT-1        -2        MAIN                   cycle count");
    }
}
