package org.stockroom.movement;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockroom.rules.RuleViolation.FieldViolation;

import java.util.List;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class MovementTypeTest {

    private static List<String> pointers(List<FieldViolation> errors) {
        return errors.stream().map(FieldViolation::field).toList();
    }

    /** What {@code requireShape} refuses, field by field; empty when it accepts. */
    private static List<FieldViolation> shapeErrors(MovementType type, int quantity, String from, String to,
                                                    String reason) {
        try {
            type.requireShape(BigDecimal.valueOf(quantity), from, to, reason);
            return List.of();
        } catch (InvalidMovementException refused) {
            assertThat(refused.fieldViolations()).isNotEmpty();
            return refused.fieldViolations();
        }
    }

    @Nested
    class Receive {

        @Test
        void givenQuantityAndTo_whenChecked_thenShapeIsRight() {
            assertThat(shapeErrors(MovementType.RECEIVE, 5, null, "A-01", null)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1})
        void givenNonPositiveQuantity_whenChecked_thenQuantityIsRefused(int quantity) {
            List<FieldViolation> errors = shapeErrors(MovementType.RECEIVE, quantity, null, "A-01", null);

            assertThat(errors).containsExactly(new FieldViolation("quantity", "must be greater than 0 for RECEIVE"));
        }

        @Test
        void givenNoTo_whenChecked_thenToIsRequired() {
            List<FieldViolation> errors = shapeErrors(MovementType.RECEIVE, 5, null, null, null);

            assertThat(pointers(errors)).containsExactly("to");
            assertThat(errors.getFirst().message()).startsWith("is required for RECEIVE");
        }

        @Test
        void givenFrom_whenChecked_thenFromMustBeEmpty() {
            List<FieldViolation> errors = shapeErrors(MovementType.RECEIVE, 5, "B-02", "A-01", null);

            assertThat(errors).containsExactly(new FieldViolation("from", "must be empty for RECEIVE"));
        }

        @Test
        void givenEverythingWrong_whenChecked_thenEachFieldIsNamedOnce() {
            List<FieldViolation> errors = shapeErrors(MovementType.RECEIVE, 0, "B-02", null, null);

            assertThat(pointers(errors)).containsExactly("quantity", "to", "from");
        }
    }

    @Nested
    class Issue {

        @Test
        void givenQuantityAndFrom_whenChecked_thenShapeIsRight() {
            assertThat(shapeErrors(MovementType.ISSUE, 5, "A-01", null, null)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -7})
        void givenNonPositiveQuantity_whenChecked_thenQuantityIsRefused(int quantity) {
            List<FieldViolation> errors = shapeErrors(MovementType.ISSUE, quantity, "A-01", null, null);

            assertThat(errors).containsExactly(new FieldViolation("quantity", "must be greater than 0 for ISSUE"));
        }

        @Test
        void givenNoFrom_whenChecked_thenFromIsRequired() {
            List<FieldViolation> errors = shapeErrors(MovementType.ISSUE, 5, null, null, null);

            assertThat(pointers(errors)).containsExactly("from");
            assertThat(errors.getFirst().message()).startsWith("is required for ISSUE");
        }

        @Test
        void givenTo_whenChecked_thenToMustBeEmpty() {
            List<FieldViolation> errors = shapeErrors(MovementType.ISSUE, 5, "A-01", "B-02", null);

            assertThat(errors).containsExactly(new FieldViolation("to", "must be empty for ISSUE"));
        }

        @Test
        void givenEverythingWrong_whenChecked_thenEachFieldIsNamedOnce() {
            List<FieldViolation> errors = shapeErrors(MovementType.ISSUE, -1, null, "B-02", null);

            assertThat(pointers(errors)).containsExactly("quantity", "from", "to");
        }
    }

    @Nested
    class Transfer {

        @Test
        void givenQuantityFromAndTo_whenChecked_thenShapeIsRight() {
            assertThat(shapeErrors(MovementType.TRANSFER, 5, "A-01", "B-02", null)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -3})
        void givenNonPositiveQuantity_whenChecked_thenQuantityIsRefused(int quantity) {
            List<FieldViolation> errors = shapeErrors(MovementType.TRANSFER, quantity, "A-01", "B-02", null);

            assertThat(errors).containsExactly(new FieldViolation("quantity", "must be greater than 0 for TRANSFER"));
        }

        @Test
        void givenNoFrom_whenChecked_thenFromIsRequired() {
            assertThat(pointers(shapeErrors(MovementType.TRANSFER, 5, null, "B-02", null))).containsExactly("from");
        }

        @Test
        void givenNoTo_whenChecked_thenToIsRequired() {
            assertThat(pointers(shapeErrors(MovementType.TRANSFER, 5, "A-01", null, null))).containsExactly("to");
        }

        @Test
        void givenNeitherLocation_whenChecked_thenBothAreRequiredAndNotCalledEqual() {
            assertThat(pointers(shapeErrors(MovementType.TRANSFER, 5, null, null, null)))
                    .containsExactly("from", "to");
        }

        @Test
        void givenFromEqualToTo_whenChecked_thenToMustDiffer() {
            List<FieldViolation> errors = shapeErrors(MovementType.TRANSFER, 5, "A-01", "A-01", null);

            assertThat(errors).containsExactly(new FieldViolation("to", "must differ from 'from'"));
        }
    }

    @Nested
    class Adjust {

        @ParameterizedTest
        @ValueSource(ints = {-4, 4})
        void givenSignedQuantityOneLocationAndReason_whenChecked_thenShapeIsRight(int quantity) {
            assertThat(shapeErrors(MovementType.ADJUST, quantity, null, "A-01", "cycle count")).isEmpty();
        }

        @Test
        void givenTheLocationInFrom_whenChecked_thenShapeIsRight() {
            assertThat(shapeErrors(MovementType.ADJUST, -2, "A-01", null, "damaged")).isEmpty();
        }

        @Test
        void givenZeroQuantity_whenChecked_thenQuantityIsRefused() {
            List<FieldViolation> errors = shapeErrors(MovementType.ADJUST, 0, null, "A-01", "cycle count");

            assertThat(errors).containsExactly(new FieldViolation("quantity", "must not be 0 for ADJUST"));
        }

        @Test
        void givenBothLocations_whenChecked_thenExactlyOneIsAskedForAtTo() {
            List<FieldViolation> errors = shapeErrors(MovementType.ADJUST, 3, "A-01", "B-02", "cycle count");

            assertThat(pointers(errors)).containsExactly("to");
            assertThat(errors.getFirst().message()).contains("exactly one location");
        }

        @Test
        void givenNoLocation_whenChecked_thenExactlyOneIsAskedForAtTo() {
            List<FieldViolation> errors = shapeErrors(MovementType.ADJUST, 3, null, null, "cycle count");

            assertThat(pointers(errors)).containsExactly("to");
            assertThat(errors.getFirst().message()).contains("exactly one location");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void givenBlankReason_whenChecked_thenReasonIsRequired(String reason) {
            List<FieldViolation> errors = shapeErrors(MovementType.ADJUST, 3, null, "A-01", reason);

            assertThat(errors).containsExactly(new FieldViolation("reason", "is required for ADJUST"));
        }

        @Test
        void givenNoReason_whenChecked_thenReasonIsRequired() {
            assertThat(pointers(shapeErrors(MovementType.ADJUST, 3, null, "A-01", null))).containsExactly("reason");
        }

        @Test
        void givenEverythingWrong_whenChecked_thenEachFieldIsNamedOnce() {
            assertThat(pointers(shapeErrors(MovementType.ADJUST, 0, null, null, null)))
                    .containsExactly("quantity", "to", "reason");
        }
    }
}
