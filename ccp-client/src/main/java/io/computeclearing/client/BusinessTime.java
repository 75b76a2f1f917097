package io.computeclearing.client;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * One service's business time ({@code /clock}): every service keeps its own, so a stack taken to a deadline moves each
 * service it needs. Moving it is for {@code admin}, and only where the service runs with
 * {@code ccp.clock.adjustable=true} (dev, test, the local stack); elsewhere a move is a 404 problem.
 */
public final class BusinessTime {

    /** Where the business time stands; {@code offset} from the system clock as an ISO-8601 duration. */
    public record ClockView(Instant now, Instant systemNow, String offset, boolean frozen, boolean adjustable) {
    }

    /** Exactly one of {@code instant} and {@code offset}; {@code frozen} stops the clock there. */
    record ClockSetting(String instant, String offset, Boolean frozen) {
    }

    private final RestCalls calls;
    private final URI clock;

    BusinessTime(RestCalls calls, URI service) {
        this.calls = calls;
        this.clock = RestCalls.url(service, "clock");
    }

    public ClockView get() {
        return calls.get(clock, ClockView.class);
    }

    /** Moves the business time to {@code instant}, running on from there, or standing still if {@code frozen}. */
    public ClockView moveTo(Instant instant, boolean frozen) {
        return calls.put(clock, new ClockSetting(instant.toString(), null, frozen ? Boolean.TRUE : null),
                ClockView.class);
    }

    /** Runs the business time {@code offset} ahead of the system clock (negative: behind; zero: the system time). */
    public ClockView offset(Duration offset) {
        return calls.put(clock, new ClockSetting(null, offset.toString(), null), ClockView.class);
    }
}
