package org.stockroom.cli.purchasing;

import org.junit.jupiter.api.Test;
import org.stockroom.cli.Output;
import org.stockroom.client.model.PurchaseOrder;
import org.stockroom.client.model.PurchaseOrderStatus;
import org.stockroom.client.model.PurchaseReceipt;
import picocli.CommandLine.TypeConversionException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PurchaseOrderViewsTest {

    private final Output output = new Output(new PrintWriter(new StringWriter()), false, ZoneOffset.UTC);

    @Test
    void readsSkuEqualsQuantity() {
        assertThat(SkuQuantity.parse("BOLT-1=10")).isEqualTo(new SkuQuantity("BOLT-1", new BigDecimal("10")));
        assertThat(SkuQuantity.parse("CABLE-3=12.5").quantity()).isEqualByComparingTo("12.5");
        assertThatExceptionOfType(TypeConversionException.class).isThrownBy(() -> SkuQuantity.parse("BOLT-1"))
                .withMessageContaining("SKU=QUANTITY");
        assertThatExceptionOfType(TypeConversionException.class).isThrownBy(() -> SkuQuantity.parse("=3"));
        assertThatExceptionOfType(TypeConversionException.class).isThrownBy(() -> SkuQuantity.parse("BOLT-1=ten"))
                .withMessageContaining("not a number");
    }

    @Test
    void showsEachLineOrderedReceivedAndOutstanding() {
        PurchaseOrder order = new PurchaseOrder("PO-1011", "Acme", PurchaseOrderStatus.OPEN, false, null, null,
                "manager", Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T11:00:00Z"), 1,
                List.of(new PurchaseOrder.Line("BOLT-1", "Hex bolt", "EA", BigDecimal.TEN, BigDecimal.valueOf(4),
                                BigDecimal.valueOf(6)),
                        new PurchaseOrder.Line("CABLE-3", "Cable", "M", new BigDecimal("25.000"),
                                new BigDecimal("0.000"), new BigDecimal("25.000"))),
                List.of());

        assertThat(PurchaseOrderCommand.lines(order).lines()).containsExactly(
                "SKU      NAME      ORDERED  RECEIVED  OUTSTANDING  UNIT",
                "BOLT-1   Hex bolt       10         4            6  EA",
                "CABLE-3  Cable      25.000     0.000       25.000  M");
    }

    @Test
    void listsDeliveriesWithWhatTheyBrought() {
        PurchaseReceipt receipt = new PurchaseReceipt(7, "PO-1011", "MAIN", Instant.parse("2026-12-01T10:15:00Z"),
                "clerk", "DN-77", List.of(new PurchaseReceipt.Line("BOLT-1", BigDecimal.TEN, 42),
                new PurchaseReceipt.Line("NUT-M8", BigDecimal.valueOf(20), 43)));

        assertThat(PurchaseOrderCommand.received(receipt)).isEqualTo("10 BOLT-1, 20 NUT-M8");
        assertThat(PurchaseOrderCommand.receipts(List.of(receipt), output).lines()).containsExactly(
                "RECEIPT  WHEN              LOCATION  BY     REFERENCE  RECEIVED",
                "      7  2026-12-01 10:15  MAIN      clerk  DN-77      10 BOLT-1, 20 NUT-M8");
    }
}
