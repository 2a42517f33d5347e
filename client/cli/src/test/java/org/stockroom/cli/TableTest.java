package org.stockroom.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableTest {

    @Test
    void padsColumnsToTheWidestCellAndRightAlignsNumbers() {
        Table table = new Table().left("SKU").left("LOCATION").right("ON HAND")
                .row("BOLT-1", "MAIN", 6)
                .row("WASHER-M10", "SHOP", 1250);

        assertThat(table.lines()).containsExactly(
                "SKU         LOCATION  ON HAND",
                "BOLT-1      MAIN            6",
                "WASHER-M10  SHOP         1250");
    }

    @Test
    void leavesNoTrailingBlanksAndShowsNullAsEmpty() {
        Table table = new Table().left("SKU").left("CATEGORY")
                .row("BOLT-1", null)
                .row("NUT", "Fasteners");

        assertThat(table.lines()).containsExactly(
                "SKU     CATEGORY",
                "BOLT-1",
                "NUT     Fasteners");
    }

    @Test
    void aHeaderWiderThanItsCellsSetsTheWidth() {
        Table table = new Table().left("A").right("REORDER POINT").row("x", 5);

        assertThat(table.lines()).containsExactly(
                "A  REORDER POINT",
                "x              5");
        assertThat(table.isEmpty()).isFalse();
    }

    @Test
    void refusesRowsOfTheWrongLength() {
        Table table = new Table().left("A").left("B");

        assertThatThrownBy(() -> table.row("only one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a row of 1 cells for 2 columns");
    }
}
