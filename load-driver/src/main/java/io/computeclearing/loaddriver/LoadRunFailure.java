package io.computeclearing.loaddriver;

/** A run that cannot go on: a service refused a set-up step, or the time ran out. The message says which. */
final class LoadRunFailure extends RuntimeException {

    LoadRunFailure(String message) {
        super(message);
    }
}
