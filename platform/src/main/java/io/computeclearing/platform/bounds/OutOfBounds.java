package io.computeclearing.platform.bounds;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value refused while the body is read, before any code of ours runs: a number no column of ours can hold or
 * a string with control characters. Its message is for the client ({@code must be ...}) and names no Java type.
 */
public class OutOfBounds extends MismatchedInputException {

    public OutOfBounds(JsonParser parser, String message, Class<?> type) {
        super(parser, message, type);
    }

    /** What the client must change, without the location Jackson appends. */
    public String requirement() {
        return getOriginalMessage();
    }
}
