package org.stockroom.product;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

class ProductDetailsTest {

    @Test
    void givenOnlyAName_whenBuilt_thenDefaultsApply() {
        ProductDetails details = ProductDetails.of("Hex bolt", null, null, null, null);

        assertThat(details).isEqualTo(new ProductDetails("Hex bolt", null, "EA", null, BigDecimal.ZERO));
    }

    @Test
    void givenEveryField_whenBuilt_thenEachIsTrimmedAndKept() {
        ProductDetails details = ProductDetails.of("  Hex bolt ", " Zinc plated ", " BOX ", " Fasteners ", BigDecimal.valueOf(5));

        assertThat(details).isEqualTo(new ProductDetails("Hex bolt", "Zinc plated", "BOX", "Fasteners", BigDecimal.valueOf(5)));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void givenNoUnitOfMeasure_whenBuilt_thenItIsEach(String unitOfMeasure) {
        assertThat(ProductDetails.of("Hex bolt", null, unitOfMeasure, null, null).unitOfMeasure())
                .isEqualTo(Product.DEFAULT_UNIT_OF_MEASURE)
                .isEqualTo("EA");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void givenBlankDescriptionAndCategory_whenBuilt_thenTheyAreAbsent(String blank) {
        ProductDetails details = ProductDetails.of("Hex bolt", blank, null, blank, null);

        assertThat(details.description()).isNull();
        assertThat(details.category()).isNull();
    }

    @Test
    void givenAReorderPointOfZero_whenBuilt_thenItIsKept() {
        assertThat(ProductDetails.of("Hex bolt", null, null, null, BigDecimal.ZERO).reorderPoint()).isZero();
    }
}
