package io.computeclearing.client;

/**
 * A call that did not get an answer the client could use: the service was unreachable or timed out, the thread was
 * interrupted, or the answer was not what the API documents. A refusal the service answered is a
 * {@link ProblemException}.
 */
public class ClearingHouseException extends RuntimeException {

    public ClearingHouseException(String message, Throwable cause) {
        super(message, cause);
    }

    public ClearingHouseException(String message) {
        super(message);
    }
}
