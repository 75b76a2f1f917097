package io.computeclearing.client;

import com.fasterxml.jackson.core.type.TypeReference;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Business dates at clearing-service: trades are taken for an open date; closing it starts the end of day. */
public final class BusinessDays {

    public enum Status { OPEN, CLOSED }

    public record BusinessDay(LocalDate date, Status status, Instant openedAt, Instant closedAt) {
    }

    private final RestCalls calls;
    private final URI days;

    BusinessDays(RestCalls calls, URI clearingService) {
        this.calls = calls;
        this.days = RestCalls.url(clearingService, "business-days");
    }

    /** Every business day, or those in {@code status} when not null. */
    public List<BusinessDay> list(Status status) {
        return calls.get(RestCalls.query(days, RestCalls.parameters("status", status)), new TypeReference<>() { });
    }

    /** Opens the date (back office); already open is answered as is, a closed date is refused (409). */
    public BusinessDay open(LocalDate date) {
        return calls.post(RestCalls.url(days, date, "open"), null, BusinessDay.class);
    }

    public BusinessDay close(LocalDate date) {
        return calls.post(RestCalls.url(days, date, "close"), null, BusinessDay.class);
    }
}
