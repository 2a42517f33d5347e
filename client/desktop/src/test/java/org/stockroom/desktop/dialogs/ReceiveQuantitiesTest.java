package org.stockroom.desktop.dialogs;

import org.junit.jupiter.api.Test;
import org.stockroom.client.model.NewReceipt;
import org.stockroom.client.model.PurchaseOrder;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Receive dialog's table of quantities, without a window. */
class ReceiveQuantitiesTest {

    private final ReceiveDialog.Quantities quantities = new ReceiveDialog.Quantities(List.of(
            new PurchaseOrder.Line("BOLT-1", "Hex bolt", "EA", BigDecimal.TEN, BigDecimal.ONE, BigDecimal.valueOf(9)),
            new PurchaseOrder.Line("NUT-M8", "Hex nut", "EA", BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.TEN),
            new PurchaseOrder.Line("CABLE-3", "Cable", "M", BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.TEN)));

    @Test
    void onlyTheArrivedColumnIsEditableAndItStartsEmpty() {
        assertThat(quantities.isCellEditable(0, 4)).isTrue();
        assertThat(quantities.isCellEditable(0, 2)).isFalse();
        assertThat(quantities.getValueAt(0, 4)).isEqualTo("");
        assertThat(quantities.getValueAt(0, 2)).isEqualTo(BigDecimal.valueOf(9));
        assertThat(quantities.arrived()).isEmpty();
    }

    @Test
    void blankAndZeroLinesAreLeftOutAndDecimalsKeptExactly() {
        quantities.setValueAt(" 4 ", 0, 4);
        quantities.setValueAt("0", 1, 4);
        quantities.setValueAt("2.5", 2, 4);

        assertThat(quantities.arrived()).containsExactly(new NewReceipt.Line("BOLT-1", new BigDecimal("4")),
                new NewReceipt.Line("CABLE-3", new BigDecimal("2.5")));
        assertThat(quantities.unreadable()).isEmpty();
    }

    @Test
    void aQuantityThatIsNoNumberIsNamedBySku() {
        quantities.setValueAt("ten", 1, 4);

        assertThat(quantities.unreadable()).containsExactly("NUT-M8");
    }
}
