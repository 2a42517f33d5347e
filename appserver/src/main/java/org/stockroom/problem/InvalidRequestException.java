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
            String field = fieldName(error.pointer());
            return field.isEmpty() ? capitalized(error.message()) : field + " " + error.message();
        }
        // A field may break several rules at once; the count is of fields, as the words say.
        long fields = errors.stream().map(FieldError::pointer).distinct().count();
        if (fields == 1) {
            String field = fieldName(errors.getFirst().pointer());
            return field.isEmpty() ? "The request is invalid" : field + " is invalid";
        }
        return fields + " fields are invalid";
    }

    private static String capitalized(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    private static String fieldName(String pointer) {
        return pointer.startsWith("/") ? pointer.substring(1) : pointer;
    }
}
