package io.computeclearing.platform.time;

import io.computeclearing.platform.problem.Problem.Violation;
import io.computeclearing.platform.problem.ProblemException;
import io.computeclearing.platform.security.Caller;
import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.logging.Logger;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's business time: anyone signed in may read it; an admin may move it where {@code ccp.clock.adjustable}
 * is on (dev, test, the local stack), so that a running stack can be taken to a deadline. Elsewhere moving it answers
 * 404, as if the operation did not exist.
 */
@Path("/clock")
public class ClockResource {

    private static final Logger LOG = Logger.getLogger(ClockResource.class);

    /** Where the business time stands; {@code offset} is from the system clock, ISO-8601 ({@code PT2H}). */
    public record ClockView(Instant now, Instant systemNow, String offset, boolean frozen, boolean adjustable) {
    }

    /**
     * Where to move the business time: to {@code instant} (ISO-8601, {@code 2026-12-01T08:00:00Z}) or to
     * {@code offset} from the system clock (ISO-8601 duration, {@code P1DT2H}, {@code PT0S} for the system time),
     * exactly one of them; {@code frozen} stops it there instead of letting it run on.
     */
    public record ClockSetting(String instant, String offset, Boolean frozen) {
    }

    private final BusinessClock clock;
    private final ClockConfig config;
    private final Caller caller;

    public ClockResource(BusinessClock clock, ClockConfig config, Caller caller) {
        this.clock = clock;
        this.config = config;
        this.caller = caller;
    }

    @Operation(summary = "The business time",
            description = "Where this service's business time stands, its offset from the system clock, whether it is "
                    + "frozen and whether it may be moved here. A member sees the same as everyone: the business "
                    + "time is not member data.")
    @APIResponseSchema(value = ClockView.class, responseCode = "200", responseDescription = "The business time")
    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER, Roles.INDEX_PROVIDER})
    public ClockView get() {
        return view();
    }

    @Operation(summary = "Move the business time",
            description = "Moves this service's business time to an instant or an offset from the system clock, "
                    + "running on from there or frozen; at most 3,653 days from the system clock. Only where "
                    + "ccp.clock.adjustable is on (dev, test, the local stack); the move is logged.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, example = """
            {"instant": "2026-12-01T08:00:00Z", "frozen": true}"""))
    @APIResponseSchema(value = ClockView.class, responseCode = "200", responseDescription = "The business time, moved")
    @APIResponse(responseCode = "404", description = "/problems/clock-not-adjustable: this service runs on the system "
            + "clock (ccp.clock.adjustable is off)")
    @PUT
    @RolesAllowed(Roles.ADMIN)
    public ClockView move(ClockSetting setting) {
        if (!config.adjustable()) {
            throw new ProblemException(404, "clock-not-adjustable", "The business time cannot be moved here",
                    "this service runs on the system clock (ccp.clock.adjustable is off)", List.of());
        }
        Move move = validated(setting);
        Instant now;
        if (setting.frozen() != null && setting.frozen()) {
            now = clock.fix(move.target());
        } else {
            now = move.offset() != null ? clock.offset(move.offset()) : clock.set(move.target());
        }
        LOG.infof("%s moved the business time to %s%s", caller.name(), now,
                clock.setting().frozen() ? " (frozen)" : "");
        return view();
    }

    /** Where to: the instant, and the offset when one was given. */
    private record Move(Instant target, Duration offset) {
    }

    /** The move asked for, or 400 naming what is wrong; nothing moves unless the whole request is valid. */
    private Move validated(ClockSetting setting) {
        if (setting == null) {
            throw ProblemException.invalid("body", "give either instant or offset");
        }
        List<Violation> violations = new ArrayList<>();
        Move move = null;
        String field = setting.instant() != null ? "instant" : "offset";
        if ((setting.instant() == null) == (setting.offset() == null)) {
            violations.add(new Violation("instant", "give either instant or offset, not both and not neither"));
        } else if (setting.instant() != null) {
            try {
                move = new Move(Instant.parse(setting.instant()), null);
            } catch (DateTimeException e) {
                violations.add(new Violation(field, "not an ISO-8601 instant such as 2026-12-01T08:00:00Z"));
            }
        } else {
            try {
                Duration offset = Duration.parse(setting.offset());
                move = new Move(clock.systemInstant().plus(offset), offset);
            } catch (DateTimeException | ArithmeticException e) {
                violations.add(new Violation(field, "not an ISO-8601 duration such as P1DT2H or -PT30M"));
            }
        }
        if (move != null && Duration.between(clock.systemInstant(), move.target()).abs()
                .compareTo(BusinessClock.MAX_DISTANCE) > 0) {
            violations.add(new Violation(field,
                    "must be at most " + BusinessClock.MAX_DISTANCE.toDays() + " days from the system clock"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.getFirst().field() + ": " + violations.getFirst().message(),
                    violations);
        }
        return move;
    }

    private ClockView view() {
        BusinessClock.Setting setting = clock.setting();
        Instant now = clock.instant();
        return new ClockView(now, clock.systemInstant(), setting.frozen()
                ? Duration.between(clock.systemInstant(), now).toString() : setting.offset().toString(),
                setting.frozen(), config.adjustable());
    }
}
