package org.stockroom.rules;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which Bean Validation violations to tell a client. A field that is missing or blank is reported as
 * that alone: an empty SKU "must not be blank", not also "must start with a letter or digit", which
 * is true but says nothing more and makes one mistake look like two.
 */
public final class ReportedViolations {

    private ReportedViolations() {
    }

    public static List<ConstraintViolation<?>> of(Collection<? extends ConstraintViolation<?>> violations) {
        Set<String> missing = violations.stream()
                .filter(ReportedViolations::saysMissing)
                .map(violation -> violation.getPropertyPath().toString())
                .collect(Collectors.toSet());
        return violations.stream()
                .filter(violation -> saysMissing(violation)
                        || !missing.contains(violation.getPropertyPath().toString()))
                .<ConstraintViolation<?>>map(violation -> violation)
                .toList();
    }

    private static boolean saysMissing(ConstraintViolation<?> violation) {
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        return constraint instanceof NotNull || constraint instanceof NotBlank || constraint instanceof NotEmpty;
    }
}
