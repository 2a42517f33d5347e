package org.stockroom.problem;

/** 404: the product, location or movement a request names does not exist. */
public class ResourceNotFoundException extends ApiException {

    public ResourceNotFoundException(String what, String key) {
        super(404, ProblemTypes.NOT_FOUND, "Not found", "No " + what + " '" + key + "' exists");
    }
}
