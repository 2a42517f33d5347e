package org.stockroom.product;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProductDetailsTest {

    @Test
    void givenOnlyAName_whenBuilt_thenDefaultsApply() {
        ProductDetails details = ProductDetails.of("Hex bolt", null, null, null, null);

        assertThat(details).isEqualTo(new ProductDetails("Hex bolt", null, "EA", null, 0));
    }

    @Test
    void givenEveryField_whenBuilt_thenEachIsTrimmedAndKept() {
        ProductDetails details = ProductDetails.of("  Hex bolt ", " Zinc plated ", " BOX ", " Fasteners ", 5);

        assertThat(details).isEqualTo(new ProductDetails("Hex bolt", "Zinc plated", "BOX", "Fasteners", 5));
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
        assertThat(ProductDetails.of("Hex bolt", null, null, null, 0).reorderPoint()).isZero();
    }

    @Test
    void givenARevision_whenComparedForTheAuditTrail_thenOnlyTheChangedFieldsAreListedBeforeAndAfter() {
        ProductDetails before = new ProductDetails("Hex bolt", null, "EA", "Fasteners", 5);
        ProductDetails after = new ProductDetails("Hex bolt", "Zinc plated", "EA", null, 8);

        assertThat(before.changesTo(after).toString()).isEqualTo(
                "{\"before\":{\"description\":null,\"category\":\"Fasteners\",\"reorderPoint\":5},"
                        + "\"after\":{\"description\":\"Zinc plated\",\"category\":null,\"reorderPoint\":8}}");
        assertThat(before.changesTo(before).toString()).isEqualTo("{\"before\":{},\"after\":{}}");
    }

    @Test
    void givenNewDetails_whenWrittenForTheAuditTrail_thenEveryFieldIsThereNullsIncluded() {
        assertThat(new ProductDetails("Hex bolt", null, "EA", null, 0).toJson().toString()).isEqualTo(
                "{\"name\":\"Hex bolt\",\"description\":null,\"unitOfMeasure\":\"EA\",\"category\":null,\"reorderPoint\":0}");
    }
}
