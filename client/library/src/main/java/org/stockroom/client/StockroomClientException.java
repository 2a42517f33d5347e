package org.stockroom.client;

/**
 * Something went wrong talking to the Stockroom server. The two cases a caller usually
 * tells apart are subclasses: {@link ProblemException} (the server answered, and said no)
 * and {@link ServerUnreachableException} (no answer at all).
 */
public class StockroomClientException extends RuntimeException {

    public StockroomClientException(String message) {
        super(message);
    }

    public StockroomClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
