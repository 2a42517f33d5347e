package org.stockroom.problem;

import java.util.List;

/** 422: the request is well-formed JSON but some of its fields break the rules. */
public class InvalidRequestException extends ApiException {

    public InvalidRequestException(List<FieldError> errors) {
        super(422, ProblemTypes.INVALID_FIELDS, "Invalid fields", describe(errors), errors);
    }

    public InvalidRequestException(String pointer, String message) {
        this(List.of(new FieldError(pointer, message)));
    }

    private static String describe(List<FieldError> errors) {
        if (errors.size() == 1) {
            FieldError error = errors.getFirst();
            return fieldName(error.pointer()) + " " + error.message();
        }
        return errors.size() + " fields are invalid";
    }

    private static String fieldName(String pointer) {
        return pointer.startsWith("/") ? pointer.substring(1) : pointer;
    }
}
