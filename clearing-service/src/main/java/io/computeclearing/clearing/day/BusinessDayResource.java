package io.computeclearing.clearing.day;

import io.computeclearing.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Clearing business days: the back office opens and closes them; everyone may see which are open. */
@Path("/business-days")
public class BusinessDayResource {

    public record BusinessDayView(LocalDate date, BusinessDay.Status status, Instant openedAt, Instant closedAt) {

        static BusinessDayView of(BusinessDay day) {
            return new BusinessDayView(day.date, day.status, day.openedAt, day.closedAt);
        }
    }

    private final BusinessDays days;

    public BusinessDayResource(BusinessDays days) {
        this.days = days;
    }

    /** Latest first; {@code status} filters. */
    @Operation(summary = "Business days",
            description = "Clearing business days, latest first; status filters. A member sees the same days as "
                    + "everyone: they hold no member's data.")
    @GET
    @RolesAllowed({Roles.BACK_OFFICE, Roles.RISK, Roles.ADMIN, Roles.MEMBER})
    public List<BusinessDayView> list(@QueryParam("status") BusinessDay.Status status) {
        return days.list(status).stream().map(BusinessDayView::of).toList();
    }

    @Operation(summary = "Open a business day",
            description = "Opens the day for trade capture; opening an open day again changes nothing.")
    @APIResponseSchema(value = BusinessDayView.class, responseCode = "200", responseDescription = "The day, open")
    @APIResponse(responseCode = "409", description = "/problems/business-day-closed: the day was closed and cannot be "
            + "opened again")
    @POST
    @Path("/{date}/open")
    @RolesAllowed(Roles.BACK_OFFICE)
    public BusinessDayView open(@PathParam("date") LocalDate date) {
        return BusinessDayView.of(days.open(date));
    }

    @Operation(summary = "Close a business day",
            description = "Closes the day once its trades in flight are captured and publishes BusinessDayClosed with "
                    + "the count of the day's trade events; closing a closed day again changes nothing.")
    @APIResponseSchema(value = BusinessDayView.class, responseCode = "200", responseDescription = "The day, closed")
    @APIResponse(responseCode = "404", description = "The business day was never opened")
    @POST
    @Path("/{date}/close")
    @RolesAllowed(Roles.BACK_OFFICE)
    public BusinessDayView close(@PathParam("date") LocalDate date) {
        return BusinessDayView.of(days.close(date));
    }
}
