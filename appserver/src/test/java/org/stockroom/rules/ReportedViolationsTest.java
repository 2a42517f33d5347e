package org.stockroom.rules;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stockroom.product.NewProductRequest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ReportedViolationsTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void givenABlankField_whenReported_thenOnlyThatItIsBlank() {
        var violations = validator.validate(product("", "Bolt"));
        assertThat(violations).hasSize(2); // blank, and so not matching the pattern either

        List<ConstraintViolation<?>> reported = ReportedViolations.of(violations);

        assertThat(reported).extracting(violation -> violation.getPropertyPath().toString(), ConstraintViolation::getMessage)
                .containsExactly(tuple("sku", "must not be blank"));
    }

    @Test
    void givenAFieldThatIsPresentButWrong_whenReported_thenEveryRuleItBreaksIsKept() {
        String tooLongAndBadlyFormed = "-" + "A".repeat(80);

        List<ConstraintViolation<?>> reported = ReportedViolations.of(validator.validate(product(tooLongAndBadlyFormed, "")));

        assertThat(reported).extracting(violation -> violation.getPropertyPath().toString())
                .containsExactlyInAnyOrder("sku", "sku", "name");
    }

    private static NewProductRequest product(String sku, String name) {
        return new NewProductRequest(sku, name, null, null, null, null, null);
    }
}
