package org.stockroom.desktop.stocktake;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CountsTest {

    @Test
    void aCountIsAnExactNumberThatIsNotNegative() {
        assertThat(Counts.parse(" 12 ")).isEqualByComparingTo("12");
        assertThat(Counts.parse("2.5")).isEqualByComparingTo("2.5");
        assertThat(Counts.parse("0")).isEqualByComparingTo("0");
        assertThat(Counts.parse("-1")).isNull();
        assertThat(Counts.parse("four")).isNull();
        assertThat(Counts.parse("")).isNull();
        assertThat(Counts.parse(null)).isNull();
    }

    @Test
    void quantitiesAreShownPlainAndDifferencesWithTheirSign() {
        assertThat(Counts.plain(new BigDecimal("10.000000"))).isEqualTo("10");
        assertThat(Counts.plain(null)).isEmpty();
        assertThat(Counts.signed(new BigDecimal("2"))).isEqualTo("+2");
        assertThat(Counts.signed(new BigDecimal("-0.50"))).isEqualTo("-0.5");
        assertThat(Counts.signed(BigDecimal.ZERO)).isEqualTo("0");
        assertThat(Counts.signed(null)).isEmpty();
    }

    @Test
    void onlyAChangedCountOfAnOpenStocktakeIsSent() {
        List<String> sent = new ArrayList<>();
        StocktakeLinesModel model = new StocktakeLinesModel((sku, typed) -> sent.add(sku + "=" + typed));
        model.show(List.of(new org.stockroom.client.model.StocktakeLine("BOLT-1", "Bolt", new BigDecimal("8"),
                new BigDecimal("10"), new BigDecimal("-2"), "anna", null, 1L, null)), true);

        assertThat(model.isCellEditable(0, StocktakeLinesModel.COUNTED)).isTrue();
        assertThat(model.isCellEditable(0, 3)).isFalse();
        model.setValueAt("8", 0, StocktakeLinesModel.COUNTED);   // unchanged
        model.setValueAt(" ", 0, StocktakeLinesModel.COUNTED);   // nothing typed
        model.setValueAt("9", 0, StocktakeLinesModel.COUNTED);
        assertThat(sent).containsExactly("BOLT-1=9");
        assertThat(model.getValueAt(0, 4).toString()).isEqualTo("-2");

        model.show(model.lines(), false);
        assertThat(model.isCellEditable(0, StocktakeLinesModel.COUNTED)).isFalse();
    }
}
