package io.computeclearing.risk.backtesting;

/** A day cannot be observed yet: a price or a rate of it has not arrived (they come on other topics). */
class InputsMissing extends RuntimeException {

    InputsMissing(String message) {
        super(message, null, false, false);
    }
}
