package org.stockroom.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field without control characters (C0, DEL, C1): a name, code or reference is one
 * line of printable text, and a control character in it is at best invisible and at worst
 * breaks a terminal, a CSV export or a log line. With {@code lineBreaks = true} (a
 * description), line feed, carriage return and tab are allowed. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = NoControlCharacters.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface NoControlCharacters {

    String message() default Text.NO_CONTROL_CHARACTERS;

    boolean lineBreaks() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NoControlCharacters, String> {

        private boolean lineBreaks;

        @Override
        public void initialize(NoControlCharacters annotation) {
            lineBreaks = annotation.lineBreaks();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.chars().noneMatch(c -> Character.isISOControl(c)
                    && !(lineBreaks && (c == '\n' || c == '\r' || c == '\t')));
        }
    }
}
