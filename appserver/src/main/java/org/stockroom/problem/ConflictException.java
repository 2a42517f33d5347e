package org.stockroom.problem;

/** 409: the request is valid but the current state of the stockroom forbids it. */
public class ConflictException extends ApiException {

    public ConflictException(String type, String title, String detail) {
        super(409, type, title, detail);
    }
}
