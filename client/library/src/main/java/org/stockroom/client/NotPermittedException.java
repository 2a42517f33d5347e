package org.stockroom.client;

/** 403: the server knows who is asking, and their role does not allow this. */
public final class NotPermittedException extends ProblemException {

    public NotPermittedException(Problem problem) {
        super(problem);
    }
}
